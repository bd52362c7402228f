import type { ModelEdit } from '@vitals/core';

/**
 * The playground's events: typed, bubbling and composed (they cross shadow roots), one class each,
 * so a listener gets the detail's type from the event name.
 */
abstract class VitalsEvent<T> extends Event {
  constructor(
    type: string,
    readonly detail: T,
  ) {
    super(type, { bubbles: true, composed: true });
  }
}

/** The model text changed in the editor. */
export class ModelChangeEvent extends VitalsEvent<{ readonly text: string }> {
  static readonly type = 'vitals-model-change';
  constructor(text: string) {
    super(ModelChangeEvent.type, { text });
  }
}

/** Go to a place in the model (a problem in the list was chosen). */
export class RevealEvent extends VitalsEvent<{ readonly line: number; readonly column: number }> {
  static readonly type = 'vitals-reveal';
  constructor(line: number, column: number) {
    super(RevealEvent.type, { line, column });
  }
}

/** A data file was chosen: a bundled sample (text) or the person's own upload (its bytes, sniffed as the CLI does). */
export class DataPickEvent extends VitalsEvent<{ readonly name: string; readonly content: string | Uint8Array }> {
  static readonly type = 'vitals-data-pick';
  constructor(name: string, content: string | Uint8Array) {
    super(DataPickEvent.type, { name, content });
  }
}

/** A bundled example was chosen: its model and its sample data. */
export class ExamplePickEvent extends VitalsEvent<{ readonly id: string }> {
  static readonly type = 'vitals-example-pick';
  constructor(id: string) {
    super(ExamplePickEvent.type, { id });
  }
}

/** An account was chosen in the table: show its drill-down. */
export class AccountOpenEvent extends VitalsEvent<{ readonly account: string }> {
  static readonly type = 'vitals-account-open';
  constructor(account: string) {
    super(AccountOpenEvent.type, { account });
  }
}

/** The sliders moved: simulate the model with these values (`vitals simulate --set path=value`); none, no simulation. */
export class SimulateEvent extends VitalsEvent<{ readonly edits: readonly ModelEdit[] }> {
  static readonly type = 'vitals-simulate';
  constructor(edits: readonly ModelEdit[]) {
    super(SimulateEvent.type, { edits });
  }
}

/** Put the simulated values into the model (an edit the person can undo). */
export class ApplyEditsEvent extends VitalsEvent<{ readonly edits: readonly ModelEdit[] }> {
  static readonly type = 'vitals-apply-edits';
  constructor(edits: readonly ModelEdit[]) {
    super(ApplyEditsEvent.type, { edits });
  }
}

declare global {
  interface HTMLElementEventMap {
    'vitals-model-change': ModelChangeEvent;
    'vitals-reveal': RevealEvent;
    'vitals-data-pick': DataPickEvent;
    'vitals-example-pick': ExamplePickEvent;
    'vitals-account-open': AccountOpenEvent;
    'vitals-simulate': SimulateEvent;
    'vitals-apply-edits': ApplyEditsEvent;
  }
}

import { styleText } from 'node:util';

/** How text is decorated: colour on a terminal, plain everywhere else (pipes, files, CI logs, tests). */
export interface Style {
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly ok: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

const same = (text: string) => text;

export const PLAIN: Style = { error: same, warning: same, ok: same, dim: same, bold: same };

const COLOURED: Style = {
  error: (text) => styleText('red', text),
  warning: (text) => styleText('yellow', text),
  ok: (text) => styleText('green', text),
  dim: (text) => styleText('dim', text),
  bold: (text) => styleText('bold', text),
};

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return PLAIN;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return COLOURED;
  return stream.isTTY === true && env.TERM !== 'dumb' ? COLOURED : PLAIN;
}

import type { ErrorObject, ValidateFunction } from 'ajv';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { pointerSegments, type SourceDocument, type YamlValue } from '../load/source-document.js';
import { createLocator } from '../position/locator.js';
import { ajvErrorsToDiagnostics } from './ajv-errors-to-diagnostics.js';
import { validate as generatedValidator } from './generated/health-model-validator.js';
import type { ModelSource } from './model-source.js';

export const FORMAT_VERSION = 1;

export interface SchemaResult {
  readonly value: ModelSource | undefined;
  readonly diagnostics: Diagnostic[];
  /** Named entries left out because their shape was wrong; later stages check the rest and don't report references to these. */
  readonly omitted: OmittedEntries;
}

export type OmittedEntries = Readonly<Record<PrunableSection, readonly string[]>>;
type PrunableSection = (typeof PRUNABLE_SECTIONS)[number];
const PRUNABLE_SECTIONS = ['inputs', 'categories', 'metrics', 'playbooks'] as const;
const NOTHING_OMITTED: OmittedEntries = { inputs: [], categories: [], metrics: [], playbooks: [] };

/** ajv's code for the schema, generated ahead of time (`npm run schema`): nothing is compiled at run time. */
const validateShape = generatedValidator as unknown as ValidateFunction;

/** Schema stage: the loaded document → a `ModelSource` when its shape is right, else every shape error. */
export function validateDocument(doc: SourceDocument): SchemaResult {
  const locate = createLocator(doc);
  const root = doc.root;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    const diagnostics = isUnreadable('', doc) ? [] : [diagnostic('not-a-mapping', {}, locate.key(''))];
    return { value: undefined, diagnostics, omitted: NOTHING_OMITTED };
  }
  const version = root['vitals'];
  if (version !== undefined && version !== FORMAT_VERSION) {
    const d = diagnostic('unsupported-version', { found: String(version), supported: FORMAT_VERSION }, locate.value('/vitals'));
    return { value: undefined, diagnostics: [d], omitted: NOTHING_OMITTED };
  }
  const validate = validateShape;
  if (validate(root)) return { value: root as unknown as ModelSource, diagnostics: [], omitted: NOTHING_OMITTED };
  const errors = validate.errors ?? [];
  const diagnostics = ajvErrorsToDiagnostics(errors, root, locate, (pointer) => isUnreadable(pointer, doc));
  const parts = partsToOmit(errors);
  if (parts === undefined) return { value: undefined, diagnostics, omitted: NOTHING_OMITTED };
  const pruned = withoutParts(root, parts);
  const value = validate(pruned) ? (pruned as unknown as ModelSource) : undefined;
  return { value, diagnostics, omitted: parts.entries };
}

/** A null the loader left where it could not read a value has been reported already. */
function isUnreadable(pointer: string, doc: SourceDocument): boolean {
  return (doc.unreadable ?? []).some((at) => pointer === at || pointer.startsWith(`${at}/`));
}

/** Top-level settings nothing else in the model refers to: one with an error is set aside (the checks use its default). */
const SETTINGS: readonly string[] = ['title', 'description', 'rollup', 'missing', 'hysteresis'];

interface OmittedParts {
  readonly entries: OmittedEntries;
  /** Top-level keys set aside: settings with an error, and unknown fields. */
  readonly keys: readonly string[];
}

/**
 * When every error lies inside a named entry (a metric, an input, …), a setting or an unknown
 * top-level field, the rest of the model can still be checked: one broken metric, or a misspelt
 * roll-up, should not hide the type errors of the others.
 */
function partsToOmit(errors: readonly ErrorObject[]): OmittedParts | undefined {
  const entries: Record<PrunableSection, string[]> = { inputs: [], categories: [], metrics: [], playbooks: [] };
  const keys: string[] = [];
  for (const error of errors) {
    const [section, name] = pointerSegments(error.instancePath);
    if (section === undefined && error.keyword === 'additionalProperties') {
      keys.push(String((error.params as { additionalProperty: string }).additionalProperty));
    } else if (section !== undefined && SETTINGS.includes(section)) {
      keys.push(section);
    } else if (name !== undefined && (PRUNABLE_SECTIONS as readonly string[]).includes(section as string)) {
      const names = entries[section as PrunableSection];
      if (!names.includes(name)) names.push(name);
    } else return undefined;
  }
  return { entries, keys };
}

function withoutParts(root: Record<string, YamlValue>, { entries: omitted, keys }: OmittedParts): Record<string, YamlValue> {
  const copy = Object.assign(Object.create(null) as Record<string, YamlValue>, root);
  for (const key of keys) delete copy[key];
  for (const section of PRUNABLE_SECTIONS) {
    const entries = root[section];
    if (omitted[section].length === 0 || entries === null || typeof entries !== 'object' || Array.isArray(entries)) continue;
    const kept = Object.create(null) as Record<string, YamlValue>;
    for (const [name, entry] of Object.entries(entries)) if (!omitted[section].includes(name)) kept[name] = entry;
    copy[section] = kept;
  }
  return copy;
}

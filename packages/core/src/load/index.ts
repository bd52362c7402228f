export { yamlToDocument, type LoadResult } from './yaml-to-document.js';
export type { SourceDocument, NodeLocation, YamlValue } from './source-document.js';
export { childPointer, pointerSegments } from './source-document.js';

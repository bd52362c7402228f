// Monaco, as much of it as the playground uses: the editor with its features (no other languages'
// services), YAML highlighting, and monaco-yaml (completion and hover from the model's JSON Schema). Workers come
// from the bundle (Vite's ?worker), never from a CDN.
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import * as monaco from 'monaco-editor/esm/vs/editor/edcore.main.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import { HEALTH_MODEL_SCHEMA, HEALTH_MODEL_SCHEMA_ID } from '@vitals/core';
import YamlWorker from './yaml.worker.js?worker';

/** The URI of the edited model: the schema is matched to it. */
export const MODEL_URI = 'file:///model.yaml';

self.MonacoEnvironment = {
  getWorker: (_moduleId: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
};

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  completion: true,
  hover: true,
  format: { enable: false },
  // The compiler's own diagnostics are the markers (positions inside expressions too); the schema's
  // would say the same things twice, worded differently.
  validate: false,
  schemas: [{ uri: HEALTH_MODEL_SCHEMA_ID, fileMatch: ['**/*.yaml'], schema: HEALTH_MODEL_SCHEMA as never }],
});

export { monaco };

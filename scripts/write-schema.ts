// Writes packages/core/schema/health-model.schema.json from the schema the core validates with,
// so editors (VS Code's YAML extension) get completion and checks. Run with `npm run schema`.
import { writeFileSync } from 'node:fs';
import { HEALTH_MODEL_SCHEMA } from '../packages/core/src/schema/health-model-schema.js';

export const SCHEMA_FILE = new URL('../packages/core/schema/health-model.schema.json', import.meta.url);

export function schemaFileText(): string {
  return `${JSON.stringify(HEALTH_MODEL_SCHEMA, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(SCHEMA_FILE, schemaFileText());
  console.log('wrote packages/core/schema/health-model.schema.json');
}

import { pointerSegments } from '../load/source-document.js';

const NAMED_SECTIONS: Readonly<Record<string, string>> = {
  inputs: 'input',
  categories: 'category',
  metrics: 'metric',
  playbooks: 'playbook',
};
const LISTS: Readonly<Record<string, string>> = { bands: 'band', benchmarks: 'benchmark', steps: 'step', scale: 'pulse level' };

/** A place in the model in words a model author uses: "metric `seats`", "band 2 of metric `seats`". */
export function describePointer(pointer: string): string {
  const segments = pointerSegments(pointer);
  if (segments.length === 0) return 'the model';
  const parts: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const next = segments[i + 1];
    const named = NAMED_SECTIONS[segment];
    const listed = LISTS[segment];
    if (named !== undefined && next !== undefined) {
      parts.unshift(`${named} \`${next}\``);
      i++;
    } else if (listed !== undefined && next !== undefined && /^\d+$/.test(next)) {
      parts.unshift(`${listed} ${Number(next) + 1}`);
      i++;
    } else if (i === segments.length - 1 || named === undefined) {
      parts.unshift(`\`${segment}\``);
    }
  }
  return parts.join(' of ');
}

// Preloaded into a measured child process (node --import): on exit, writes the process's peak
// resident set size (bytes) to the file named by BENCH_MAX_RSS_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_MAX_RSS_FILE;
if (target !== undefined) {
  process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS * 1024)));
}

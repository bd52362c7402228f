// Preloaded into a measured child process (node --import): on exit, writes the process's peak
// resident set size and the CPU time it used, as JSON ({ maxRssBytes, cpuSeconds }), to the file
// named by BENCH_MAX_RSS_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_MAX_RSS_FILE;
if (target !== undefined) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssBytes: usage.maxRSS * 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
  });
}

// The baseline for `vitals score` end to end: a bare Node loop over the same CSV that only splits
// lines and fields, parses the numbers, and writes one line per row (the row number, the id and a
// sum of the numbers) to stdout. No quoting, no checks, no model: the least any CSV → CSV program
// written in Node does, and so the floor that vitals' end-to-end figure is read against.
// Usage: node bare-csv-loop.js FILE > out.csv
import { createReadStream } from 'node:fs';

async function main(file: string): Promise<void> {
  let rest = '';
  let row = 0;
  let header = true;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 }) as AsyncIterable<string>) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    const out: string[] = [];
    for (const line of lines) {
      if (header) {
        header = false;
        out.push('row,id,sum\n');
        continue;
      }
      if (line === '') continue;
      const fields = line.split(',');
      let sum = 0;
      for (let i = 1; i < fields.length; i++) {
        const value = Number(fields[i]);
        if (value === value) sum += value;
      }
      out.push(`${++row},${fields[0]},${sum}\n`);
    }
    if (!process.stdout.write(out.join(''))) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

await main(process.argv[2] as string);

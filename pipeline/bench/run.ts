/**
 * `npm run bench`: every benchmark of the project in one process, so ratios compare like with
 * like on the same machine at the same moment. Timings are printed, never asserted: CI machines
 * are shared and noisy, so speed targets are read from this output, not from unit tests.
 */
import { runSegmentBench } from './segment.js';
import { runTermsBench } from './terms.js';
import { runXliffBench } from './xliff.js';

const log = (line: string): void => {
  process.stdout.write(line + '\n');
};

const only = process.argv[2];
const benches: ReadonlyArray<readonly [string, (log: (line: string) => void) => void | Promise<void>]> = [
  ['segment', runSegmentBench],
  ['terms', runTermsBench],
  ['xliff', runXliffBench],
];

for (const [name, bench] of benches) {
  if (only !== undefined && only !== name) continue;
  log(`\n== ${name} ==`);
  await bench(log);
}

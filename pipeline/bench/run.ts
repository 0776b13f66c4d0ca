/**
 * `npm run bench`: every benchmark of the project, one after the other in one run, each in a
 * process of its own so that one benchmark's memory (the 5 MB segmentation corpus, a 20,000-entry
 * glossary) never counts against the next one's memory budget. Ratios (ours against
 * Intl.Segmenter, 20,000 against 20 entries) are measured inside one process, so they compare
 * like with like at the same moment. Timings are printed, never asserted: CI machines are shared
 * and noisy, so speed targets are read from this output, not from unit tests.
 *
 * `node dist/pipeline/bench/run.js <name>` runs one benchmark in this process.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCommandsBench } from './commands.js';
import { runMemoryBench } from './memory.js';
import { runReviewBench } from './review.js';
import { runScaleBench } from './scale.js';
import { runSegmentBench } from './segment.js';
import { runTermsBench } from './terms.js';
import { runXliffBench } from './xliff.js';

const log = (line: string): void => {
  process.stdout.write(line + '\n');
};

const benches: ReadonlyMap<string, (log: (line: string) => void) => void | Promise<void>> = new Map([
  ['segment', runSegmentBench],
  ['terms', runTermsBench],
  ['xliff', runXliffBench],
  ['review', runReviewBench],
  ['memory', runMemoryBench],
  ['commands', runCommandsBench],
  ['scale', runScaleBench],
]);

const only = process.argv[2];
if (only === undefined) {
  for (const name of benches.keys()) {
    log(`\n== ${name} ==`);
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), name], { stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = child.status ?? 1;
  }
} else {
  const bench = benches.get(only);
  if (bench === undefined) {
    process.stderr.write(`bench: unknown benchmark "${only}"; expected one of ${[...benches.keys()].join(', ')}\n`);
    process.exitCode = 2;
  } else {
    await bench(log);
  }
}

/**
 * `npm run bench`: every benchmark of the project, one after the other in one run, each in a
 * process of its own so that one benchmark's memory (the 5 MB segmentation corpus, a 20,000-entry
 * glossary) never counts against the next one's memory budget. Ratios (ours against
 * Intl.Segmenter, 20,000 against 20 entries) are measured inside one process, so they compare
 * like with like at the same moment. Timings are printed, never asserted: CI machines are shared
 * and noisy, so speed targets are read from this output, not from unit tests.
 *
 * `node dist/pipeline/bench/run.js <name>` runs one benchmark in this process. Each benchmark's
 * module is loaded only in its own process: the review benchmark's browser driver alone adds
 * 70 MB, which would otherwise count against the XLIFF import's memory budget.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const log = (line: string): void => {
  process.stdout.write(line + '\n');
};

type Bench = (log: (line: string) => void) => void | Promise<void>;

const benches: ReadonlyMap<string, () => Promise<Bench>> = new Map([
  ['segment', async () => (await import('./segment.js')).runSegmentBench],
  ['segment-quality', async () => (await import('./segment.js')).runSegmentQualityBench],
  ['terms', async () => (await import('./terms.js')).runTermsBench],
  ['xliff', async () => (await import('./xliff.js')).runXliffBench],
  ['inspect', async () => (await import('./inspect.js')).runInspectBench],
  ['review', async () => (await import('./review.js')).runReviewBench],
  ['strings', async () => (await import('./strings.js')).runStringsBench],
  ['mt', async () => (await import('./mt.js')).runMtBench],
  ['memory', async () => (await import('./memory.js')).runMemoryBench],
  ['commands', async () => (await import('./commands.js')).runCommandsBench],
  ['scale', async () => (await import('./scale.js')).runScaleBench],
  ['formats', async () => (await import('./formats.js')).runFormatsBench],
]);

const only = process.argv[2];
if (only === undefined) {
  for (const name of benches.keys()) {
    log(`\n== ${name} ==`);
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), name], { stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = child.status ?? 1;
  }
} else {
  const load = benches.get(only);
  if (load === undefined) {
    process.stderr.write(`bench: unknown benchmark "${only}"; expected one of ${[...benches.keys()].join(', ')}\n`);
    process.exitCode = 2;
  } else {
    await (await load())(log);
  }
}

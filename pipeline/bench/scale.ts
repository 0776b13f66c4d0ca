/**
 * Scale benchmark: a newsroom's archive, not one article. For each size (100 and 1,000 articles
 * by default) a project is generated in a temporary folder (`archive.ts`: varied sentences,
 * follow-ups and corrections of the same story, the bundled glossary, three target languages) and
 * the real commands run on it as child processes, each measured for wall time and peak memory
 * (the child's own peak resident set size and CPU time, written at exit by `usage-report.ts`):
 *
 * 1. `extract` on a fresh project (no translations, no memory);
 * 2. the XLIFF files are filled by a stand-in translator (not timed as a command);
 * 3. `extract` again: every translation is learned into the memories, which are written;
 * 4. `extract` on the unchanged project;
 * 5. `extract` after one word of one article changed (every other article was recorded unchanged
 *    by step 4, so it is only read);
 * 6. `extract` once more, nothing changed;
 * 7. `build`;
 * 8. `build` after one target of one XLIFF file changed.
 *
 * Each line gives the CPU time per article (CPU time, unlike wall time, hardly depends on what else
 * the machine is doing), and the last lines the ratio of that cost at each size to
 * the cost at the smallest: work that grows with the square of the archive shows as a ratio that
 * grows with the size, whatever the machine.
 *
 * Sizes: `L10N_BENCH_ARTICLES=100,1000,5000` (comma-separated, each 1…100,000). With
 * `L10N_BENCH_PROFILE=<folder>` every command also writes a V8 CPU profile there
 * (`node dist/pipeline/bench/profile.js <file>` summarises one).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadGlossary } from '../terms/glossary.js';
import { editOneWord, fillXliff, generateArchive, pseudoTranslator } from './archive.js';
import { measureCommand, REPOSITORY } from './command-run.js';

const LANGUAGES = ['en', 'fr', 'es'] as const;
/** Sizes measured when `L10N_BENCH_ARTICLES` is not set: the default run stays within minutes. */
const DEFAULT_SIZES: readonly number[] = [100, 1000];
/** Targets at 1,000 articles × 3 languages. */
const TARGET_ARTICLES = 1000;
const TARGET_MS = 15_000;
const TARGET_PEAK_BYTES = 1024 * 1024 * 1024;
/** Cost per article at the largest size, relative to the smallest. */
const TARGET_RATIO = 1.5;


/** The sizes to measure, from `L10N_BENCH_ARTICLES` or the default. */
export function benchSizes(value: string | undefined): number[] {
  if (value === undefined || value.trim() === '') return [...DEFAULT_SIZES];
  const sizes = value.split(',').map((part) => Number(part.trim()));
  for (const [i, size] of sizes.entries()) {
    if (!Number.isInteger(size) || size < 1 || size > 100_000) {
      throw new Error(`L10N_BENCH_ARTICLES: expected comma-separated whole numbers from 1 to 100000, got "${value.split(',')[i]?.trim() ?? ''}"`);
    }
  }
  return [...new Set(sizes)].sort((a, b) => a - b);
}

/** One measured command. */
interface Step {
  readonly step: string;
  readonly articles: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly peakBytes: number;
  readonly exitCode: number;
}

const STEPS = [
  'extract (fresh)',
  'extract (memory learned)',
  're-extract unchanged',
  're-extract after one edit',
  're-extract unchanged again',
  'build',
  'build after one edit',
] as const;

/** A command of the benchmark exited with 2 or 3. */
class StepFailed extends Error {}

/** Writes a project of `articles` generated articles into a fresh temporary folder. */
function writeProject(articles: number, terms: readonly string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'l10n-scale-'));
  writeFileSync(
    path.join(root, 'l10n.config.yaml'),
    [
      'sourceLanguage: de',
      `targetLanguages: [${LANGUAGES.join(', ')}]`,
      'paths:',
      '  source: source',
      '  glossary: [glossary]',
      '  translations: translations',
      '  output: output',
      'policies:',
      '  untranslated: fail',
      '  publishState: translated',
      '  failOn: error',
      '',
    ].join('\n'),
  );
  mkdirSync(path.join(root, 'source'));
  for (const article of generateArchive(articles, { terms })) writeFileSync(path.join(root, 'source', article.name), article.text);
  mkdirSync(path.join(root, 'glossary'));
  for (const file of glossaryFiles()) copyFileSync(file, path.join(root, 'glossary', path.basename(file)));
  return root;
}

function glossaryFiles(): string[] {
  const folder = path.join(REPOSITORY, 'glossary');
  return readdirSync(folder).filter((f) => f.endsWith('.yaml')).map((f) => path.join(folder, f));
}

/** Fills every XLIFF file of the project with the stand-in translator; returns the targets added. */
function fillTranslations(root: string): number {
  let filled = 0;
  for (const language of LANGUAGES) {
    const translate = pseudoTranslator(language);
    const folder = path.join(root, 'translations', language);
    for (const name of readdirSync(folder)) {
      if (!name.endsWith('.xlf') || name.endsWith('.aside.xlf')) continue;
      const file = path.join(folder, name);
      const result = fillXliff(readFileSync(file, 'utf8'), translate);
      filled += result.filled;
      writeFileSync(file, result.xml);
    }
  }
  return filled;
}

/** Measures every step on a project of `articles` articles. */
function measureSize(articles: number, terms: readonly string[], profile: string | undefined, log: (line: string) => void): Step[] {
  const started = performance.now();
  const root = writeProject(articles, terms);
  const steps: Step[] = [];
  const run = (step: (typeof STEPS)[number], args: readonly string[]): void => {
    const label = `${articles}-${step.replace(/[^a-z]+/gu, '-')}`;
    const r = measureCommand(root, args, profile === undefined ? {} : { profile: { folder: profile, label } });
    // Exit 1 (findings) is the normal outcome of a build on pseudo-translations; 2 and 3 are not,
    // and the steps after a failed one would measure nothing: this size ends there.
    if (r.exitCode !== 0 && r.exitCode !== 1) throw new StepFailed(`${step}: exit ${r.exitCode}\n${r.stderrTail}`);
    steps.push({ step, articles, ms: r.ms, cpuMs: r.cpuMs, peakBytes: r.peakBytes, exitCode: r.exitCode });
    log(
      `  ${step.padEnd(26)} ${seconds(r.ms).padStart(9)} ${seconds(r.cpuMs).padStart(9)} ${megabytes(r.peakBytes).padStart(8)}` +
        `  ${(r.cpuMs / articles).toFixed(1).padStart(7)} ms CPU/article  exit ${r.exitCode}`,
    );
  };
  try {
    const sources = readdirSync(path.join(root, 'source')).sort();
    const words = sources.reduce((n, f) => n + readFileSync(path.join(root, 'source', f), 'utf8').split(/\s+/u).length, 0);
    log(`${articles} articles (${words.toLocaleString('en-US')} words), ${LANGUAGES.length} target languages, generated in ${seconds(performance.now() - started)}:`);
    log(`  ${'command'.padEnd(26)} ${'wall'.padStart(9)} ${'CPU'.padStart(9)} ${'peak RSS'.padStart(8)}`);
    run('extract (fresh)', ['extract']);
    const fillStarted = performance.now();
    const filled = fillTranslations(root);
    log(`  (${filled.toLocaleString('en-US')} targets filled by the stand-in translator in ${seconds(performance.now() - fillStarted)})`);
    run('extract (memory learned)', ['extract']);
    run('re-extract unchanged', ['extract']);
    const edited = path.join(root, 'source', sources[Math.floor(sources.length / 2)] as string);
    const before = readFileSync(edited, 'utf8');
    let after = before;
    for (let line = 2; after === before && line < 40; line += 1) after = editOneWord(before, line);
    writeFileSync(edited, after);
    run('re-extract after one edit', ['extract']);
    // The run before found every other document unchanged and recorded it: now it is only read.
    run('re-extract unchanged again', ['extract']);
    run('build', ['build']);
    const xliff = path.join(root, 'translations', 'en', path.basename(edited).replace(/\.txt$/u, '.xlf'));
    writeFileSync(xliff, readFileSync(xliff, 'utf8').replace(/(<target state="translated" xml:space="preserve">)(\p{L}+)/u, '$1$2s'));
    run('build after one edit', ['build']);
    return steps;
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
    log(`  ${error.message}`);
    process.exitCode = 1;
    return steps;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const verdict = (met: boolean): string => (met ? 'met' : 'missed');
/** The machine's load, for reading wall times: above its core count, other work shared the cores. */
const load = (): string => `load average ${os.loadavg()[0]?.toFixed(1) ?? '?'} on ${os.availableParallelism()} cores`;
const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Runs the benchmark at every configured size and reports costs per article and their ratios. */
export function runScaleBench(log: (line: string) => void): void {
  const sizes = benchSizes(process.env.L10N_BENCH_ARTICLES);
  const profile = process.env.L10N_BENCH_PROFILE === undefined || process.env.L10N_BENCH_PROFILE === '' ? undefined : path.resolve(process.env.L10N_BENCH_PROFILE);
  const terms = loadGlossary(glossaryFiles()).glossary.entries.map((e) => e.source);
  log(`sizes: ${sizes.join(', ')} articles (L10N_BENCH_ARTICLES); each command's wall time, CPU time, peak RSS and CPU time per article; ${load()}`);
  const all: Step[] = [];
  for (const size of sizes) all.push(...measureSize(size, terms, profile, log));
  const smallest = sizes[0] as number;
  log('');
  log(`CPU time per article relative to ${smallest} articles (target at the largest size ≤ ${TARGET_RATIO}x):`);
  for (const step of STEPS) {
    const base = all.find((s) => s.step === step && s.articles === smallest);
    if (base === undefined) continue;
    const ratios = sizes.map((size) => {
      const s = all.find((x) => x.step === step && x.articles === size);
      return s === undefined ? '-' : `${size}: ${(s.cpuMs / size / (base.cpuMs / smallest)).toFixed(2)}x`;
    });
    log(`  ${step.padEnd(26)} ${ratios.join('  ')}`);
  }
  const atTarget = all.filter((s) => s.articles === TARGET_ARTICLES);
  if (atTarget.length > 0) {
    log('');
    log(`targets at ${TARGET_ARTICLES} articles × ${LANGUAGES.length} languages (${load()} at the end; wall time counts what else ran):`);
    for (const step of ['re-extract unchanged', 're-extract after one edit', 're-extract unchanged again', 'build'] as const) {
      const s = atTarget.find((x) => x.step === step);
      if (s !== undefined) log(`  ${step} under ${TARGET_MS / 1000} s: wall ${seconds(s.ms)} ${verdict(s.ms < TARGET_MS)}, CPU ${seconds(s.cpuMs)} ${verdict(s.cpuMs < TARGET_MS)}`);
    }
    const peak = Math.max(...atTarget.map((s) => s.peakBytes));
    log(`  peak memory under 1 GB: ${megabytes(peak)} ${peak < TARGET_PEAK_BYTES ? 'met' : 'missed'}`);
  }
  const largest = sizes[sizes.length - 1] as number;
  if (largest !== smallest) {
    const worst = STEPS.map((step) => {
      const a = all.find((s) => s.step === step && s.articles === smallest);
      const b = all.find((s) => s.step === step && s.articles === largest);
      return a === undefined || b === undefined ? 0 : b.cpuMs / largest / (a.cpuMs / smallest);
    });
    const max = Math.max(...worst);
    log(`  CPU time per article at ${largest} within ${TARGET_RATIO}x of ${smallest}: worst ${max.toFixed(2)}x (${STEPS[worst.indexOf(max)]}) ${max <= TARGET_RATIO ? 'met' : 'missed'}`);
  }
}

/**
 * What single commands cost on large inputs, each measured as a child process (wall time, CPU time,
 * peak RSS, as in the scale benchmark):
 *
 * - the glossary: parsing a 20,000-entry YAML file (targets in three languages, notes, forbidden
 *   renderings, variants, as a newsroom's name list has them) and compiling its matcher;
 * - `l10n status` on the bundled project, with the bundled glossary and with the 20,000 entries
 *   added: status never matches terms, so the large glossary should cost it nothing (target:
 *   within 1.5x);
 * - `l10n segment` on 50 MB of German paragraphs, plain and `--jsonl`: both stream, so peak
 *   memory should not depend on the input's size.
 */
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadGlossary, makeEntry, type GlossaryEntry, type TermKind } from '../terms/glossary.js';
import { compileMatcher } from '../terms/matcher.js';
import { glossaryToYaml } from '../terms/write.js';
import { measureCommand, REPOSITORY, type MeasuredCommand } from './command-run.js';
import { seededRandom } from './random.js';
import { buildCorpus } from './segment.js';

const GLOSSARY_ENTRIES = 20_000;
const SEGMENT_BYTES = 50 * 1024 * 1024;
/** `status` with the large glossary, relative to the bundled one. */
const STATUS_RATIO_TARGET = 1.5;

const describe = (m: MeasuredCommand): string =>
  `wall ${(m.ms / 1000).toFixed(2)} s, CPU ${(m.cpuMs / 1000).toFixed(2)} s, peak RSS ${(m.peakBytes / 1024 / 1024).toFixed(0)} MB, exit ${m.exitCode}`;

/** Runs `run` once in this process: its result, and its wall and CPU time as text. */
function timed<T>(run: () => T): { result: T; describe: string } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { result, describe: `wall ${ms.toFixed(0)} ms, CPU ${((used.user + used.system) / 1000).toFixed(0)} ms` };
}

/** The best (least CPU) of `runs` measurements. */
function best(runs: number, run: () => MeasuredCommand): MeasuredCommand {
  let out = run();
  for (let i = 1; i < runs; i += 1) {
    const m = run();
    if (m.cpuMs < out.cpuMs) out = m;
  }
  return out;
}

const SYLLABLES = ['ba', 'ko', 'len', 'mi', 'tov', 'ra', 'schu', 'wen', 'dor', 'el', 'fa', 'gri', 'han', 'jo', 'ki', 'lu', 'mar', 'no', 'pe', 'ru', 'sa', 'ti', 'vol', 'zek'];
const INSTITUTIONS = ['behörde', 'kommission', 'agentur', 'versammlung', 'bank', 'partei', 'akademie', 'stiftung'];
const TITLES = ['minister', 'sekretär', 'direktor', 'kommissar', 'botschafter', 'sprecher'];

/**
 * A newsroom's name list: people (with a forbidden spelling in one language), places, institutions
 * and titles, each with targets in English, French and Spanish and a note; a few with variants.
 */
export function largeGlossary(size: number): GlossaryEntry[] {
  const random = seededRandom(2024);
  const name = (syllables: number): string => {
    let w = '';
    for (let i = 0; i < syllables; i += 1) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const kinds: readonly TermKind[] = ['person', 'person', 'place', 'institution', 'title'];
  const seen = new Set<string>();
  const entries: GlossaryEntry[] = [];
  for (let i = 0; entries.length < size; i += 1) {
    const kind = kinds[i % kinds.length] as TermKind;
    const first = name(2);
    const source =
      kind === 'person' ? `${first} ${name(3)}` : kind === 'place' ? name(3) : kind === 'institution' ? `${name(2)}${INSTITUTIONS[i % INSTITUTIONS.length]}` : `${name(2)}${TITLES[i % TITLES.length]}`;
    if (seen.has(source)) continue;
    seen.add(source);
    const english = kind === 'institution' ? `${source.slice(0, -4)} Agency` : source;
    entries.push(
      makeEntry({
        source,
        kind,
        targets: { en: [english], fr: [kind === 'place' ? `${source}e` : source], es: [kind === 'place' ? `${source}a` : source] },
        ...(kind === 'person' ? { forbidden: { en: [source.replace(/^(\S+)/u, (w) => `${w}h`)] }, variants: [source.split(' ')[1] as string] } : {}),
        note: `${kind} in the archive, entry ${i}; checked against the style guide.`,
      }),
    );
  }
  return entries;
}

/** Runs the benchmark and reports through `log`. */
export function runCommandsBench(log: (line: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'l10n-commands-'));
  try {
    // The glossary, in this process: parse and compile, first run (a command does each once).
    const yamlFile = path.join(dir, 'names.yaml');
    writeFileSync(yamlFile, glossaryToYaml(largeGlossary(GLOSSARY_ENTRIES), { language: 'de' }));
    const load = timed(() => loadGlossary([yamlFile]));
    const compile = timed(() => compileMatcher(load.result.glossary));
    log(
      `glossary of ${load.result.glossary.entries.length.toLocaleString('en-US')} entries (${(readFileSync(yamlFile).length / 1024 / 1024).toFixed(1)} MB of YAML, ${load.result.messages.length} messages): ` +
        `load ${load.describe}, compile ${compile.describe} (${compile.result.formCount.toLocaleString('en-US')} forms)`,
    );

    // status on the bundled project, bundled glossary against bundled + large.
    const project = path.join(dir, 'project');
    for (const part of ['l10n.config.yaml', 'source', 'glossary', 'translations']) cpSync(path.join(REPOSITORY, part), path.join(project, part), { recursive: true });
    const small = best(3, () => measureCommand(project, ['status']));
    cpSync(yamlFile, path.join(project, 'glossary', 'names.yaml'));
    const large = best(3, () => measureCommand(project, ['status']));
    const ratio = large.cpuMs / small.cpuMs;
    log(`status, bundled glossary (best of 3):           ${describe(small)}`);
    log(`status, with the ${GLOSSARY_ENTRIES.toLocaleString('en-US')}-entry glossary (best of 3): ${describe(large)}`);
    log(`  CPU ratio ${ratio.toFixed(2)}x (target ≤ ${STATUS_RATIO_TARGET}x: ${ratio <= STATUS_RATIO_TARGET ? 'met' : 'missed'})`);

    // segment on 50 MB, written to a file paragraph by paragraph.
    const text = path.join(dir, 'corpus.txt');
    const jsonl = path.join(dir, 'corpus.jsonl');
    const textFd = openSync(text, 'w');
    const jsonlFd = openSync(jsonl, 'w');
    let bytes = 0;
    for (const paragraph of buildCorpus(SEGMENT_BYTES)) {
      bytes += writeSync(textFd, paragraph + '\n');
      writeSync(jsonlFd, JSON.stringify({ text: paragraph }) + '\n');
    }
    closeSync(textFd);
    closeSync(jsonlFd);
    const out = path.join(dir, 'out');
    const plain = measureCommand(dir, ['segment'], { stdin: text, stdout: out });
    const lines = measureCommand(dir, ['segment', '--jsonl'], { stdin: jsonl, stdout: out });
    log(`segment, ${(bytes / 1024 / 1024).toFixed(0)} MB of paragraphs, one sentence per line: ${describe(plain)}`);
    log(`segment --jsonl, the same paragraphs as JSON lines:       ${describe(lines)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

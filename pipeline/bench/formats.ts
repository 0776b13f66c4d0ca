/**
 * Formats benchmark: extract + build of generated articles for three target languages, as
 * Markdown (headings, emphasis, links, a list, a quote, a table, an image) and as the same
 * articles in plain text, in one process, at two sizes. What it shows: the Markdown path costs a
 * steady multiple of the plain-text path per article (the parser, inline codes, the byte-exact
 * writer), and that multiple, like the time per article, stays the same when the number of
 * articles grows (linear). Every sentence is published as its source (policy `source`), so build
 * reads, checks and writes everything.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build, extract } from '../chains.js';
import { openProject } from '../project.js';
import { seededRandom } from './random.js';

/**
 * Article counts measured, smallest first; the largest shows whether time per article stays the
 * same. `L10N_BENCH_FORMATS_ARTICLES=40,1000` chooses others (default 40 and 160, about a minute).
 */
const SIZES = (process.env['L10N_BENCH_FORMATS_ARTICLES'] ?? '40,160')
  .split(',')
  .map((n) => Number.parseInt(n, 10))
  .filter((n) => Number.isInteger(n) && n > 0);
const LANGUAGES = ['en', 'fr', 'es'];
const WORDS = ['Regierung', 'Treffen', 'heute', 'Berlin', 'Minister', 'sagte', 'die', 'der', 'Gipfel', 'neue', 'Woche', 'Bericht', 'Stadt', 'Menschen', 'lange'];

/** One article as Markdown and as plain text, with the same sentences. */
function article(random: () => number, n: number): { markdown: string; text: string } {
  const words = (k: number): string[] => Array.from({ length: k }, () => WORDS[Math.floor(random() * WORDS.length)] as string);
  const sentence = (): string[] => {
    const w = words(8 + Math.floor(random() * 8));
    w[0] = (w[0] as string).charAt(0).toUpperCase() + (w[0] as string).slice(1);
    return w;
  };
  const title = `Artikel ${n}: ${words(4).join(' ')}`;
  const md: string[] = [`# ${title}`, ''];
  const txt: string[] = [title];
  for (let p = 0; p < 6; p += 1) {
    const plain: string[] = [];
    const marked: string[] = [];
    for (let s = 0; s < 3; s += 1) {
      const w = sentence();
      plain.push(`${w.join(' ')}.`);
      const a = w.slice(0, 3).join(' ');
      const b = w.slice(3, 5).join(' ');
      const c = w.slice(5).join(' ');
      marked.push(s === 1 ? `${a} [${b}](https://example.org/${n}/${p}) ${c}.` : `${a} **${b}** *${c}*.`);
    }
    txt.push(plain.join(' '));
    md.push(marked.join(' '), '');
  }
  md.push(`> ${sentence().join(' ')}.`, '', `- ${sentence().join(' ')}`, `- ${sentence().join(' ')}`, '', '| Stadt | Zahl |', '|---|---|', `| ${words(2).join(' ')} | 3 |`, '', `![${words(3).join(' ')}](bild${n}.png)`, '');
  return { markdown: md.join('\n'), text: txt.join('\n') + '\n' };
}

/** A project of `count` articles in one format; returns its folder. */
function project(count: number, format: 'markdown' | 'text'): string {
  const root = mkdtempSync(path.join(tmpdir(), `l10n-bench-${format}-`));
  mkdirSync(path.join(root, 'source'), { recursive: true });
  mkdirSync(path.join(root, 'glossary'), { recursive: true });
  writeFileSync(path.join(root, 'l10n.config.yaml'), `sourceLanguage: de\ntargetLanguages: [${LANGUAGES.join(', ')}]\npolicies:\n  untranslated: source\n`);
  const random = seededRandom(7);
  for (let n = 0; n < count; n += 1) {
    const { markdown, text } = article(random, n);
    writeFileSync(path.join(root, 'source', format === 'markdown' ? `artikel-${n}.md` : `artikel-${n}.txt`), format === 'markdown' ? markdown : text);
  }
  return root;
}

/** Milliseconds of extract + build of a fresh project. */
async function time(count: number, format: 'markdown' | 'text'): Promise<{ ms: number; segments: number }> {
  const root = project(count, format);
  try {
    const started = performance.now();
    const opened = openProject(root);
    const extracted = await extract(opened);
    const built = await build(opened);
    const ms = performance.now() - started;
    const blocked = built.languages.filter((l) => l.blocked).map((l) => l.language);
    if (blocked.length > 0 || extracted.files.some((f) => f.stopped)) {
      const first = built.messages.find((m) => m.fatal === true || m.severity === 'error');
      throw new Error(`bench ${format}: not built (${blocked.join(', ')}): ${first?.ruleId ?? ''} ${first?.reason ?? ''}`);
    }
    return { ms, segments: built.languages[0]?.report.documents.reduce((n, d) => n + d.counts.segments, 0) ?? 0 };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export async function runFormatsBench(log: (line: string) => void): Promise<void> {
  log(`extract + build, ${LANGUAGES.length} languages, the same articles as Markdown and as plain text`);
  // A small warm-up, so module loading and JIT are not counted against the first size.
  await time(5, 'text');
  await time(5, 'markdown');
  const perArticle: Record<string, number[]> = { markdown: [], text: [] };
  for (const count of SIZES) {
    const text = await time(count, 'text');
    const markdown = await time(count, 'markdown');
    perArticle['text']?.push(text.ms / count);
    perArticle['markdown']?.push(markdown.ms / count);
    log(
      `${String(count).padStart(4)} articles: plain text ${text.ms.toFixed(0)} ms (${(text.ms / count).toFixed(1)} ms/article, ${text.segments} segments), ` +
        `Markdown ${markdown.ms.toFixed(0)} ms (${(markdown.ms / count).toFixed(1)} ms/article, ${markdown.segments} segments); ` +
        `Markdown / text ${(markdown.ms / text.ms).toFixed(2)} per article, ${(markdown.ms / markdown.segments / (text.ms / text.segments)).toFixed(2)} per segment`,
    );
  }
  const growth = (list: number[] | undefined): string => ((list?.at(-1) ?? 0) / (list?.[0] ?? 1)).toFixed(2);
  log(`time per article at ${SIZES.at(-1)} / at ${SIZES[0]} articles (1.00 = linear): plain text ${growth(perArticle['text'])}, Markdown ${growth(perArticle['markdown'])}`);
}

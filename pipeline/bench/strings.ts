/**
 * Software strings benchmark: a generated site of 5,000 keys (100 components with `t()` calls,
 * plural and context options and Trans elements, 20 HTML templates, two namespaces whose German
 * catalogs already hold most keys plus some no longer used) goes the way a user runs it:
 * `extract` (the catalogs refreshed from the code, XLIFF written for English, French and
 * Spanish), a translator filling every unit (not timed), `build` (checks, translated catalogs).
 * In the same run, articles of as many sentences as the site has German units go the same way,
 * so the two paths compare at the same moment on the same machine.
 *
 * Target: extract + build of the site under 5 s. Loading i18next-parser (the TypeScript compiler
 * and an HTML parser) is timed on its own, as every run pays it once.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build, extract } from '../chains.js';
import { openProject } from '../project.js';
import { formatCatalog, newLayout } from '../strings/catalog.js';
import { extractKeys } from '../strings/extract.js';
import { resolveStringsOptions } from '../strings/options.js';
import { seededRandom } from './random.js';
import { buildCorpus } from './segment.js';

const COMPONENTS = 100;
const CALLS_PER_COMPONENT = 45;
const TEMPLATES = 20;
const KEYS_PER_TEMPLATE = 25;
/** Total keys the code names: 100 × 45 + 20 × 25 = 5,000. */
const KEYS = COMPONENTS * CALLS_PER_COMPONENT + TEMPLATES * KEYS_PER_TEMPLATE;
const TARGET_MS = 5000;
const LANGUAGES = ['en', 'fr', 'es'] as const;

const WORDS = ['Artikel', 'lesen', 'Kommentar', 'teilen', 'Startseite', 'Politik', 'Sport', 'Wetter', 'heute', 'mehr', 'alle', 'neu', 'Newsletter', 'Ausgabe', 'Seite'];

/** Writes the site under `root`: its components, templates and the German catalogs it starts with. */
function writeSite(root: string): void {
  const random = seededRandom(2024);
  const words = (n: number): string => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const catalogs: Record<string, { path: string[]; text: string }[]> = { common: [], article: [] };
  mkdirSync(path.join(root, 'src/components'), { recursive: true });
  mkdirSync(path.join(root, 'src/templates'), { recursive: true });
  for (let c = 0; c < COMPONENTS; c++) {
    const ns = c % 2 === 0 ? 'common' : 'article';
    const lines = [`import { Trans, useTranslation } from 'react-i18next';`, '', `export function Component${c}({ n, gender, name }) {`, `  const { t } = useTranslation('${ns}');`, '  return (', '    <div>'];
    for (let k = 0; k < CALLS_PER_COMPONENT; k++) {
      const key = `c${c}.k${k}`;
      const text = words(3 + (k % 5));
      const kind = k % 9;
      if (kind === 0) {
        lines.push(`      {/* Counter shown in block ${k} */}`, `      <span>{t('${key}', { count: n, defaultValue_one: '{{count}} ${text}', defaultValue_other: '{{count}} ${text}e' })}</span>`);
        if (random() < 0.8) catalogs[ns]?.push({ path: [`c${c}`, `k${k}_one`], text: `{{count}} ${text}` }, { path: [`c${c}`, `k${k}_other`], text: `{{count}} ${text}e` });
      } else if (kind === 1) {
        lines.push(`      <Trans i18nKey="${key}" t={t}>${text} <strong>{{ name }}</strong> ${words(2)}</Trans>`);
      } else if (kind === 2) {
        lines.push(`      <span>{t('${key}', { context: 'male', defaultValue: '${text}' })}</span>`);
        if (random() < 0.8) catalogs[ns]?.push({ path: [`c${c}`, `k${k}_male`], text });
      } else {
        lines.push(`      <span>{t('${key}', '${text}')}</span>`);
        if (random() < 0.8) catalogs[ns]?.push({ path: [`c${c}`, `k${k}`], text });
      }
    }
    lines.push('    </div>', '  );', '}', '');
    writeFileSync(path.join(root, `src/components/Component${c}.jsx`), lines.join('\n'));
    // Keys no longer used, which the refresh sets aside.
    catalogs[ns]?.push({ path: [`c${c}`, 'removed'], text: words(4) });
  }
  for (let p = 0; p < TEMPLATES; p++) {
    const lines = ['<main>'];
    for (let k = 0; k < KEYS_PER_TEMPLATE; k++) {
      const text = words(2);
      lines.push(`  <!-- Block ${k} of page ${p} -->`, `  <p data-i18n="common:page${p}.k${k}" data-i18n-options='{"defaultValue": "${text}"}'></p>`);
      if (random() < 0.8) catalogs['common']?.push({ path: [`page${p}`, `k${k}`], text });
    }
    lines.push('</main>', '');
    writeFileSync(path.join(root, `src/templates/page${p}.html`), lines.join('\n'));
  }
  for (const [ns, leaves] of Object.entries(catalogs)) {
    mkdirSync(path.join(root, 'source/locales/de'), { recursive: true });
    writeFileSync(path.join(root, `source/locales/de/${ns}.json`), formatCatalog(leaves, newLayout('nested', 2)).text);
  }
}

/** Article documents of about `sentences` sentences in all, for the article path of the same run. */
function writeArticles(root: string, sentences: number): number {
  mkdirSync(path.join(root, 'source'), { recursive: true });
  // About 80 characters a sentence in the corpus: ask for enough text, split it into articles of 40 paragraphs.
  const paragraphs = buildCorpus(sentences * 80);
  let articles = 0;
  for (let i = 0; i < paragraphs.length; i += 40) {
    writeFileSync(path.join(root, `source/article-${articles}.txt`), `Artikel ${articles}\n\n${paragraphs.slice(i, i + 40).join('\n\n')}\n`);
    articles += 1;
  }
  return articles;
}

/** A translator who copies every source into its target (codes included) with a mark: every unit translated. */
function pseudoTranslate(xliff: string, language: string): string {
  return xliff.replace(/(<source xml:space="preserve">)([\s\S]*?)(<\/source>)/gu, (_m, open: string, body: string, close: string) =>
    `${open}${body}${close}<target state="translated" xml:space="preserve">${body.replace(/<mrk[^>]*>|<\/mrk>/gu, '')} ·${language}</target>`);
}

/** Every XLIFF file below a folder. */
function xliffFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xlf') && !f.endsWith('.aside.xlf')).map((f) => path.join(folder, f));
}

interface PathTiming {
  readonly extractMs: number;
  readonly extractCpu: number;
  readonly buildMs: number;
  readonly buildCpu: number;
  /** Units in all the languages' XLIFF files. */
  readonly units: number;
  /** Errors of extract and build, by rule id: a pseudo-translation should leave none. */
  readonly errors: ReadonlyMap<string, number>;
}

/** Extract, a translator filling every unit (not timed), build: the project path a user runs. */
async function timePath(root: string): Promise<PathTiming> {
  const project = openProject(root);
  let cpu = process.cpuUsage();
  let t = performance.now();
  const extracted = await extract(project);
  const extractMs = Math.round(performance.now() - t);
  const extractUsed = process.cpuUsage(cpu);
  let units = 0;
  for (const language of LANGUAGES) {
    for (const file of xliffFiles(path.join(root, 'translations', language))) {
      const filled = pseudoTranslate(readFileSync(file, 'utf8'), language);
      units += filled.split('<target ').length - 1;
      writeFileSync(file, filled);
    }
  }
  cpu = process.cpuUsage();
  t = performance.now();
  const built = await build(openProject(root));
  const buildMs = Math.round(performance.now() - t);
  const buildUsed = process.cpuUsage(cpu);
  const cpuMs = (used: NodeJS.CpuUsage): number => Math.round((used.user + used.system) / 1000);
  const errors = new Map<string, number>();
  for (const m of [...extracted.messages, ...built.messages]) if (m.severity === 'error') errors.set(m.ruleId, (errors.get(m.ruleId) ?? 0) + 1);
  return { extractMs, extractCpu: cpuMs(extractUsed), buildMs, buildCpu: cpuMs(buildUsed), units, errors };
}

/** "no errors", or each rule id with its count. */
function describeErrors(errors: ReadonlyMap<string, number>): string {
  return errors.size === 0 ? 'no errors' : `errors: ${[...errors].map(([rule, n]) => `${rule} ${n}`).join(', ')}`;
}

export async function runStringsBench(log: (line: string) => void): Promise<void> {
  const site = mkdtempSync(path.join(tmpdir(), 'l10n-bench-strings-'));
  const articles = mkdtempSync(path.join(tmpdir(), 'l10n-bench-articles-'));
  try {
    writeSite(site);
    writeFileSync(path.join(site, 'l10n.config.yaml'), `targetLanguages: [${LANGUAGES.join(', ')}]\nstrings:\n  input: ["src/**/*.{jsx,html}"]\n  namespaces: [common, article]\n  defaultNamespace: common\n`);
    mkdirSync(path.join(site, 'glossary'));
    writeFileSync(path.join(site, 'glossary/terms.yaml'), 'terms: []\n');

    // Loading i18next-parser (the TypeScript compiler, an HTML parser) is paid once per run: timed on its own.
    const cpu = process.cpuUsage();
    const t = performance.now();
    await extractKeys([{ path: 'warm.js', text: "t('x')" }], resolveStringsOptions());
    const loadMs = Math.round(performance.now() - t);
    const loaded = process.cpuUsage(cpu);
    const loadCpu = Math.round((loaded.user + loaded.system) / 1000);

    const strings = await timePath(site);
    const catalogs = ['common', 'article'].map((ns) => JSON.stringify(JSON.parse(readFileSync(path.join(site, `source/locales/de/${ns}.json`), 'utf8'))).length);
    const germanUnits = Math.round(strings.units / LANGUAGES.length);

    const count = writeArticles(articles, germanUnits);
    // The pseudo-translation keeps German number forms ("1.000"): reported as warnings here, so that
    // the build writes every language's articles as it writes every language's catalogs.
    writeFileSync(path.join(articles, 'l10n.config.yaml'), `targetLanguages: [${LANGUAGES.join(', ')}]\nchecks:\n  qa/numbers: warning\n`);
    mkdirSync(path.join(articles, 'glossary'));
    writeFileSync(path.join(articles, 'glossary/terms.yaml'), 'terms: []\n');
    const prose = await timePath(articles);

    const total = strings.extractMs + strings.buildMs;
    const totalCpu = strings.extractCpu + strings.buildCpu;
    const perUnit = (ms: number, units: number): string => `${((ms / units) * 1000).toFixed(0)} µs a unit`;
    log(`site: ${KEYS} keys named in ${COMPONENTS} components and ${TEMPLATES} templates; German catalogs ${catalogs.map((n) => `${Math.round(n / 1024)} KB`).join(' and ')}; ${strings.units} units in ${LANGUAGES.length} languages`);
    log(`loading i18next-parser, once per run: ${loadMs} ms (CPU ${loadCpu} ms)`);
    log(`software strings: extract (code read, catalogs refreshed, XLIFF written) ${strings.extractMs} ms (CPU ${strings.extractCpu} ms), build (checks, catalogs written) ${strings.buildMs} ms (CPU ${strings.buildCpu} ms); ${describeErrors(strings.errors)}`);
    log(`articles, same run: ${count} articles, ${prose.units} units in ${LANGUAGES.length} languages: extract ${prose.extractMs} ms (CPU ${prose.extractCpu} ms), build ${prose.buildMs} ms (CPU ${prose.buildCpu} ms); ${describeErrors(prose.errors)}`);
    const proseTotal = prose.extractMs + prose.buildMs;
    const proseCpu = prose.extractCpu + prose.buildCpu;
    // The ratio per unit is what compares the two paths: the loaded machine slows both alike.
    const ratio = (a: number, aUnits: number, b: number, bUnits: number): string => (a / aUnits / (b / bUnits)).toFixed(2);
    log(`per unit, extract + build: strings ${perUnit(total, strings.units)} (CPU ${perUnit(totalCpu, strings.units)}), articles ${perUnit(proseTotal, prose.units)} (CPU ${perUnit(proseCpu, prose.units)})`);
    log(`ratio strings / articles per unit: ${ratio(total, strings.units, proseTotal, prose.units)} wall, ${ratio(totalCpu, strings.units, proseCpu, prose.units)} CPU`);
    log(`software strings extract + build: ${total} ms, CPU ${totalCpu} ms (target < ${TARGET_MS} ms, the lexers' loading not counted: ${total <= TARGET_MS ? 'met' : totalCpu <= TARGET_MS ? 'met in CPU time, missed in wall time on this machine' : 'missed'}); with loading: ${total + loadMs} ms, CPU ${totalCpu + loadCpu} ms`);
  } finally {
    rmSync(site, { recursive: true, force: true });
    rmSync(articles, { recursive: true, force: true });
  }
}

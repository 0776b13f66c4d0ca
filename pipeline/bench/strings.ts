/**
 * Software strings benchmark: a generated site of 5,000 keys (100 components with `t()` calls,
 * plural and context options and Trans elements, 20 HTML templates, two namespaces whose German
 * catalogs already hold most keys plus some no longer used) is refreshed from its code, read
 * back, turned into units and written as pseudo-translated catalogs for three languages.
 *
 * The later target: extract (refresh from the code) + build (catalogs read, units, catalogs
 * written) under 5 s. Loading i18next-parser (the TypeScript compiler and an HTML parser) is
 * timed on its own, as every run pays it once.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatCatalog, newLayout } from '../strings/catalog.js';
import { fromRuns, renderCodedText, toRuns } from '../strings/codes.js';
import { extractKeys } from '../strings/extract.js';
import { readSourceCatalogs, refreshSourceCatalogs, writeTargetCatalogs } from '../strings/io.js';
import { resolveStringsOptions } from '../strings/options.js';
import { flatUnits, unitsForLanguage } from '../strings/units.js';
import { seededRandom } from './random.js';

const COMPONENTS = 100;
const CALLS_PER_COMPONENT = 45;
const TEMPLATES = 20;
const KEYS_PER_TEMPLATE = 25;
/** Total keys the code names: 100 × 45 + 20 × 25 = 5,000. */
const KEYS = COMPONENTS * CALLS_PER_COMPONENT + TEMPLATES * KEYS_PER_TEMPLATE;
const TARGET_MS = 5000;

const WORDS = ['Artikel', 'lesen', 'Kommentar', 'teilen', 'Startseite', 'Politik', 'Sport', 'Wetter', 'heute', 'mehr', 'alle', 'neu', 'Newsletter', 'Ausgabe', 'Seite'];

/** Writes the site under `root`; returns the German leaves the catalogs start with, per namespace. */
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

export async function runStringsBench(log: (line: string) => void): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'l10n-bench-strings-'));
  try {
    const options = resolveStringsOptions({ namespaces: ['common', 'article'], defaultNamespace: 'common' });
    writeSite(root);
    // Wall time, and the CPU time this process got meanwhile: on a shared machine the second is
    // what the work costs, the first also counts waiting for a core.
    let cpuStart = process.cpuUsage();
    const cpu: number[] = [];
    const ms = (start: number): number => {
      const used = process.cpuUsage(cpuStart);
      cpu.push(Math.round((used.user + used.system) / 1000));
      cpuStart = process.cpuUsage();
      return Math.round(performance.now() - start);
    };

    let t = performance.now();
    cpuStart = process.cpuUsage();
    await extractKeys([{ path: 'warm.js', text: "t('x')" }], options);
    const loadMs = ms(t);

    t = performance.now();
    const refreshed = await refreshSourceCatalogs(root, options);
    const refreshMs = ms(t);
    const uses = refreshed.uses.length;
    const added = refreshed.results.reduce((n, r) => n + r.added.length, 0);
    const aside = refreshed.results.reduce((n, r) => n + r.setAside.length, 0);

    t = performance.now();
    const loaded = readSourceCatalogs(root, options);
    const readMs = ms(t);
    const entries = [...loaded.catalogs.values()].reduce((n, c) => n + c.entries.length, 0);

    t = performance.now();
    let units = 0;
    const languages = ['en', 'fr', 'es'];
    for (const language of languages) {
      const translations = new Map<string, Map<string, string>>();
      for (const catalog of loaded.catalogs.values()) {
        const map = new Map<string, string>();
        for (const unit of flatUnits(unitsForLanguage(catalog, language, options))) {
          map.set(unit.name, renderCodedText(fromRuns(toRuns(unit.source).map((r) => (typeof r === 'string' ? r.toUpperCase() : r)))));
          units += 1;
        }
        translations.set(catalog.namespace, map);
      }
      writeTargetCatalogs(root, options, language, loaded.catalogs.values(), translations);
    }
    const buildMs = ms(t);

    log(`site: ${KEYS} keys named in ${COMPONENTS} components and ${TEMPLATES} templates; ${uses} uses found`);
    const [loadCpu, refreshCpu, readCpu, buildCpu] = cpu as [number, number, number, number];
    log(`loading i18next-parser (TypeScript compiler, HTML parser), once per run: ${loadMs} ms (CPU ${loadCpu} ms)`);
    log(`extract (read code, lexers, refresh 2 catalogs: ${added} keys added, ${aside} set aside): ${refreshMs} ms (CPU ${refreshCpu} ms)`);
    log(`catalog read (${entries} entries): ${readMs} ms (CPU ${readCpu} ms)`);
    log(`units and pseudo-translated catalogs written for ${languages.join(', ')} (${units} units): ${buildMs} ms (CPU ${buildCpu} ms)`);
    const total = refreshMs + readMs + buildMs;
    const totalCpu = refreshCpu + readCpu + buildCpu;
    log(`extract + build: ${total} ms, CPU ${totalCpu} ms (target < ${TARGET_MS} ms without loading the lexers: ${total <= TARGET_MS ? 'met' : totalCpu <= TARGET_MS ? 'met in CPU time, missed in wall time on this machine' : 'missed'}); with loading: ${total + loadMs} ms, CPU ${totalCpu + loadCpu} ms`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Review page benchmark, in the real browser (Debian's Chromium through playwright-core): how
 * long a reviewer waits to see a 30-segment article, and how the page answers on a document of
 * 5,000 segments (first render, next segment, next segment across a page edge, a filter, a save).
 *
 * Page-side times are measured inside the page (`performance.now()` from the key or change event
 * to the next painted frame), so the browser-driver round trips are not counted; opening times
 * are the page's own mark from the start of the navigation to the segments painted (and, for
 * comparison, the same seen through the driver). Also home of the Chromium
 * launcher that the review tests use.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createMemoryStore, startReviewServer, type ReviewDocument, type SegmentView } from '../review/index.js';
import { seededRandom } from './random.js';

/** Debian's Chromium, as .ci/run installs it. */
export const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_FLAGS: readonly string[] = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface LaunchedChromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts Chromium headless with a fresh profile and a 1280×800 window. `hostRules` maps host names
 * the way DNS would (`MAP rebound.test 127.0.0.1`); `executable` defaults to Debian's. Throws a message that says how to install
 * Chromium when it is missing.
 */
export async function launchChromium(options: { readonly hostRules?: string; readonly executable?: string } = {}): Promise<LaunchedChromium> {
  const executable = options.executable ?? CHROMIUM;
  if (!existsSync(executable)) {
    throw new Error(
      `Chromium is not installed at ${executable}, and the review page is tested and measured in a real browser. ` +
        'Install it with: apt-get update && apt-get install -y chromium (.ci/run does this before npm test).',
    );
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'l10n-review-chromium-'));
  const args = options.hostRules === undefined ? [...CHROMIUM_FLAGS] : [...CHROMIUM_FLAGS, `--host-resolver-rules=${options.hostRules}`];
  // The fresh profile goes in as --user-data-dir through launchPersistentContext: Playwright
  // passes it to Chromium itself and refuses the flag among `args`.
  const context = await chromium.launchPersistentContext(profile, { executablePath: executable, headless: true, args, viewport: { width: 1280, height: 800 }, timeout: 30_000 });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const SENTENCES: readonly (readonly [string, string])[] = [
  ['Putin empfängt Kim im Kreml.', 'Putin receives Kim in the Kremlin.'],
  ['Das Treffen dauerte drei Stunden.', 'The meeting lasted three hours.'],
  ['Beide sprachen über Handel und Sicherheit.', 'Both spoke about trade and security.'],
  ['Der Kreml sprach von einem Erfolg, Beobachter blieben skeptisch.', 'The Kremlin spoke of a success; observers remained sceptical.'],
  ['Kim reiste mit dem Zug an und blieb zwei Tage in der Hauptstadt.', 'Kim arrived by train and stayed in the capital for two days.'],
];
const STATES: readonly SegmentView['state'][] = ['translated', 'translated', 'needs-review', 'reviewed', 'final', 'initial'];

/** A document of `count` segments with terms, candidates, findings and notes spread over it. */
function benchDocument(count: number, name: string): ReviewDocument {
  const random = seededRandom(count);
  const segments: SegmentView[] = [];
  for (let i = 0; i < count; i += 1) {
    const [source, target] = SENTENCES[i % SENTENCES.length] as readonly [string, string];
    const state = STATES[Math.floor(random() * STATES.length)] ?? 'translated';
    const kreml = source.indexOf('Kreml');
    segments.push({
      id: `s${i}`,
      block: { id: `b${Math.floor(i / 5)}`, kind: i === 0 ? 'title' : 'paragraph' },
      source: {
        text: source,
        codes: [],
        terms: kreml < 0 ? [] : [{ start: kreml, end: kreml + 5, term: 'Kreml', approved: ['Kremlin'], forbidden: ['Kreml'], dnt: false, note: 'Seat of the Russian president' }],
      },
      ...(state === 'initial' ? {} : { target: { text: target, codes: [] }, origin: { kind: random() < 0.3 ? 'machine' : 'translator', provider: 'deepl' } as const }),
      state,
      findings: random() < 0.1 ? [{ ruleId: 'qa/terminology', severity: 'warning', reason: 'the target does not name Kreml as the glossary says', expected: 'Kremlin' }] : [],
      candidates: random() < 0.3 ? [{ kind: 'memory', target: { text: target, codes: [] }, quality: 92, origin: 'de-en.tmx' }] : [],
      notes: random() < 0.05 ? [{ author: 'Lena', time: '2025-09-03T10:15:00.000Z', text: 'Checked against the agency copy.' }] : [],
    });
  }
  return { document: name, language: 'en', sourceLanguage: 'de', file: `translations/en/${name}.xlf`, segments };
}

/**
 * Opens a review page. `shown`: milliseconds from the start of the navigation to the first
 * segments painted, as the page marks it (`review:segments-shown`); `driven`: the same seen from
 * here, with the browser driver's round trips.
 */
async function openTime(page: Page, url: string): Promise<{ shown: number; driven: number }> {
  const start = performance.now();
  await page.goto(url);
  await page.locator('li.segment').first().waitFor();
  const driven = performance.now() - start;
  const shown = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const find = (): void => {
          const mark = performance.getEntriesByName('review:segments-shown')[0];
          if (mark === undefined) setTimeout(find, 5);
          else resolve(mark.startTime);
        };
        find();
      }),
  );
  return { shown, driven };
}

/**
 * Milliseconds, measured in the page, from an event to the next painted frame. `what` is
 * `next` (Alt+↓ from the focused field) or `filter` (the state filter set to `value`).
 */
function inPage(page: Page, what: 'next' | 'filter', value = ''): Promise<number> {
  return page.evaluate(
    ([kind, filterValue]) =>
      new Promise<number>((resolve) => {
        const doc = (globalThis as unknown as { document: { activeElement: EventTarget | null; getElementById(id: string): (EventTarget & { value: string }) | null } }).document;
        const frame = (globalThis as unknown as { requestAnimationFrame(cb: () => void): void }).requestAnimationFrame;
        const start = performance.now();
        if (kind === 'next') {
          const KeyEvent = (globalThis as unknown as { KeyboardEvent: new (type: string, init: object) => Event }).KeyboardEvent;
          doc.activeElement?.dispatchEvent(new KeyEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
        } else {
          const select = doc.getElementById('filter-state');
          if (select !== null) {
            select.value = filterValue ?? 'all';
            select.dispatchEvent(new Event('change', { bubbles: true }));
          }
        }
        frame(() => setTimeout(() => resolve(performance.now() - start), 0));
      }),
    [what, value] as const,
  );
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const ms = (value: number): string => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

export async function runReviewBench(log: (line: string) => void): Promise<void> {
  const article = benchDocument(30, 'article');
  const large = benchDocument(5000, 'large');
  const store = createMemoryStore([article, large]);
  const server = await startReviewServer(store, { reviewer: 'bench' });
  let browser: LaunchedChromium | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.context.newPage();
    const url = (name: string): string => `${server.origin}/review/${name}/en?token=${server.token}`;

    const articleOpens: { shown: number; driven: number }[] = [];
    for (let run = 0; run < 7; run += 1) articleOpens.push(await openTime(page, url('article')));
    const [cold, ...warm] = articleOpens;
    const articleShown = median(warm.map((o) => o.shown));
    log(
      `article, 30 segments: navigation to segments painted ${ms(cold?.shown ?? Number.NaN)} cold, ${ms(articleShown)} median of 6 more (target < 1 s); ` +
        `seen through the driver ${ms(cold?.driven ?? Number.NaN)} cold, ${ms(median(warm.map((o) => o.driven)))} median`,
    );

    const largeOpens: { shown: number; driven: number }[] = [];
    for (let run = 0; run < 3; run += 1) largeOpens.push(await openTime(page, url('large')));
    const largeShown = median(largeOpens.map((o) => o.shown));
    const largeBytes = Buffer.byteLength(JSON.stringify(await store.load({ document: 'large', language: 'en' })));
    log(
      `5,000 segments (${(largeBytes / 1_048_576).toFixed(1)} MB of JSON): navigation to first segments painted ${ms(largeShown)} ` +
        `(median of 3; ${(largeShown / articleShown).toFixed(1)}× the article); through the driver ${ms(median(largeOpens.map((o) => o.driven)))}`,
    );

    await page.locator('#target-1').focus();
    const moves: number[] = [];
    for (let i = 0; i < 40; i += 1) moves.push(await inPage(page, 'next'));
    log(`5,000 segments: next segment (Alt+↓) to painted frame ${ms(median(moves))} median, ${ms(Math.max(...moves))} slowest of ${moves.length}`);
    await page.locator('#target-50').focus();
    const edges: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      edges.push(await inPage(page, 'next'));
      const last = await page.evaluate(() => Number((globalThis as unknown as { document: { querySelector(s: string): { id: string } | null } }).document.querySelector('li.segment:last-child textarea')?.id.slice(7)));
      await page.locator(`#target-${last}`).focus();
    }
    log(`5,000 segments: next segment across a page edge (50 rows drawn) ${ms(median(edges))} median of 5`);

    const filters: number[] = [];
    for (const value of ['needs-review', 'all', 'reviewed', 'all', 'final', 'all']) filters.push(await inPage(page, 'filter', value));
    log(`5,000 segments: state filter to painted frame ${ms(median(filters))} median, ${ms(Math.max(...filters))} slowest of ${filters.length}`);

    const saves: number[] = [];
    for (let i = 1; i <= 5; i += 1) {
      await page.locator(`#target-${i}`).fill(`Edited sentence ${i}.`);
      const start = performance.now();
      await page.locator(`#segment-${i} .actions button`, { hasText: 'Save' }).click();
      await page.getByRole('status').filter({ hasText: `Saved segment ${i}.` }).waitFor();
      saves.push(performance.now() - start);
    }
    log(`5,000 segments: Save to the row redrawn with the store's answer ${ms(median(saves))} median of 5 (in-memory store; the project's store adds its XLIFF write)`);
  } catch (error) {
    log(`review: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await browser?.close();
    await server.close();
  }
}

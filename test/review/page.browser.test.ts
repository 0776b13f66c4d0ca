/**
 * The review page in a real browser (Chromium through playwright-core) against the review server
 * and the in-memory store.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../pipeline/bench/random.js';
import {
  createMemoryStore,
  renderReport,
  startReviewServer,
  type DocumentRef,
  type MemoryStore,
  type ReviewDocument,
  type ReviewServer,
  type SegmentView,
} from '../../pipeline/review/index.js';
import { launchBrowser, testOutput, type TestBrowser } from './browser.js';
import { articleView, generatedView, termCheck } from './fixtures.js';

// What the functions run in the page (page.evaluate) use of its globals: the project compiles
// without the DOM library, so they are declared here, as far as these tests need them.
declare const document: { activeElement: { id: string } | null; querySelectorAll(selector: string): { length: number } };
declare const window: { pwned?: number };
declare const location: { pathname: string };

let browser: TestBrowser;
const servers: ReviewServer[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(browser.context.pages().map((p) => p.close()));
});

const article: DocumentRef = { document: 'putin-kim', language: 'en' };

async function serve(documents: readonly ReviewDocument[] = [articleView()], pageSize?: number): Promise<{ store: MemoryStore; server: ReviewServer }> {
  const store = createMemoryStore(documents, { check: termCheck });
  const server = await startReviewServer(store, pageSize === undefined ? { reviewer: 'Ana' } : { reviewer: 'Ana', pageSize });
  servers.push(server);
  return { store, server };
}

interface Watched {
  readonly page: Page;
  /** Dialogs opened, uncaught errors and console errors (a CSP violation is one). */
  readonly problems: string[];
}

async function openReview(server: ReviewServer, ref: DocumentRef = article): Promise<Watched> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(`${server.origin}/review/${encodeURIComponent(ref.document)}/${encodeURIComponent(ref.language)}?token=${server.token}`);
  await page.locator('li.segment').first().waitFor();
  return { page, problems };
}

const row = (page: Page, number: number) => page.getByRole('group', { name: `Segment ${number}`, exact: true });
const field = (page: Page, number: number) => page.getByRole('textbox', { name: `Target of segment ${number}`, exact: true });
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const segmentOf = (store: MemoryStore, id: string, ref: DocumentRef = article): SegmentView | undefined => store.current(ref)?.segments.find((s) => s.id === id);

describe('review page', () => {
  it('without Chromium, says where it was looked for and how to install it', async () => {
    await expect(launchBrowser({ executable: '/nonexistent/chromium' })).rejects.toThrow(
      'Chromium is not installed at /nonexistent/chromium, and the review page is tested and measured in a real browser. Install it with: apt-get update && apt-get install -y chromium (.ci/run does this before npm test).',
    );
  });

  it('shows every segment side by side, each cell in its language, with terms, codes, state, origin, findings and labelled controls', async () => {
    const { server } = await serve();
    const { page, problems } = await openReview(server);
    expect(await page.locator('li.segment').count()).toBe(8);
    expect(await row(page, 1).locator('.source').getAttribute('lang')).toBe('de');
    expect(await row(page, 1).locator('.target').getAttribute('lang')).toBe('en');
    expect(await field(page, 1).inputValue()).toBe('Putin receives Kim in the Kremlin');
    expect(await field(page, 5).inputValue()).toBe('Both spoke about ⟦1⟧trade⟦/1⟧ and security.');
    expect(await row(page, 5).locator('.source').innerText()).toBe('Beide sprachen über ⟦1⟧Handel⟦/1⟧ und Sicherheit.');
    expect(await field(page, 4).inputValue()).toBe('');
    for (const name of ['Save', 'Confirm', 'Send back', 'Comment']) expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(8);
    expect(await page.getByRole('textbox', { name: 'Comment on segment 3' }).count()).toBe(1);
    expect(await row(page, 2).locator('.meta').innerText()).toBe('Segment 2\nparagraph\nneeds review\nmemory (de-en.tmx)');
    expect(await row(page, 3).getByRole('list', { name: 'Findings of segment 3' }).innerText()).toContain('ERROR the glossary forbids "Kreml" for Kreml qa/forbidden-term\nexpected Kremlin, found Kreml');
    expect(await page.locator('#counts').innerText()).toBe('8 segments · 1 untranslated · 2 translated · 1 needs review · 1 sent back · 2 reviewed · 1 final · 1 errors · 1 warnings');
    expect(problems).toEqual([]);
  });

  it('shows what the glossary says about a term on hover and on keyboard focus', async () => {
    const { server } = await serve();
    const { page } = await openReview(server);
    const kreml = row(page, 1).locator('mark.term', { hasText: 'Kreml' });
    const tip = page.locator(`[id="${await kreml.getAttribute('aria-describedby')}"]`);
    expect(await tip.getAttribute('role')).toBe('tooltip');
    expect(await tip.isVisible()).toBe(false);
    await kreml.focus();
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toBe('Kreml\nApproved: Kremlin\nForbidden: Kreml\nNote: Seat of the Russian president');
    await page.locator('h1').click();
    expect(await tip.isVisible()).toBe(false);
    await row(page, 1).locator('mark.term', { hasText: 'Putin' }).hover();
    expect(await row(page, 1).getByRole('tooltip').innerText()).toBe('Wladimir Putin\nApproved: Vladimir Putin, Putin');
  });

  it('edits and confirms a segment; the store has it with its checks run again, and a reload shows it', async () => {
    const { store, server } = await serve();
    const { page, problems } = await openReview(server);
    await field(page, 3).fill('The Kremlin spoke of a success.');
    await row(page, 3).getByRole('button', { name: 'Confirm' }).click();
    await status(page, 'Confirmed segment 3.');
    expect(segmentOf(store, 's-lead-2')).toMatchObject({ target: { text: 'The Kremlin spoke of a success.' }, state: 'reviewed', origin: { kind: 'reviewer', provider: 'Ana' }, findings: [] });
    expect(await row(page, 3).locator('.findings').count()).toBe(0);
    expect(await row(page, 3).locator('.state').innerText()).toBe('reviewed');
    await page.reload();
    await page.locator('li.segment').first().waitFor();
    expect(await field(page, 3).inputValue()).toBe('The Kremlin spoke of a success.');
    expect(await row(page, 3).locator('.state').innerText()).toBe('reviewed');
    expect(problems).toEqual([]);
  });

  it('sends a segment back with a comment, refuses to without one, and adds comments with author and time', async () => {
    const { store, server } = await serve();
    const { page } = await openReview(server);
    await row(page, 1).getByRole('button', { name: 'Send back' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('To send segment 1 back, write in its comment field what the translator should change.');
    expect(await focusedId(page)).toBe('comment-1');
    await page.keyboard.type('Say "hosts", not "receives".');
    await row(page, 1).getByRole('button', { name: 'Send back' }).click();
    await status(page, 'Sent segment 1 back to the translator.');
    expect(segmentOf(store, 's-title')?.state).toBe('needs-translation');
    expect(segmentOf(store, 's-title')?.notes).toEqual([{ author: 'Ana', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/u), text: 'Say "hosts", not "receives".' }]);
    await page.getByRole('textbox', { name: 'Comment on segment 6' }).fill('Good.');
    await page.getByRole('textbox', { name: 'Comment on segment 6' }).press('Enter');
    await status(page, 'Comment added to segment 6.');
    expect(segmentOf(store, 's-body-2')?.notes.map((n) => n.text)).toEqual(['Good.']);
    expect(await row(page, 1).locator('.notes').innerText()).toMatch(/^Ana, \d{4}-\d\d-\d\d \d\d:\d\d Say "hosts", not "receives"\.$/u);
  });

  it('puts a candidate into the target with one click, without saving it', async () => {
    const { store, server } = await serve();
    const { page } = await openReview(server);
    await row(page, 2).getByRole('button', { name: 'Use candidate 2 (machine · deepl)' }).click();
    expect(await field(page, 2).inputValue()).toBe('The meeting took three hours.');
    expect(await focusedId(page)).toBe('target-2');
    expect(await row(page, 2).locator('.unsaved').isVisible()).toBe(true);
    expect(segmentOf(store, 's-lead-1')?.target?.text).toBe('The meeting lasted three hours.');
  });

  it('refuses a change when the document changed meanwhile, says so, reloads and keeps the text typed', async () => {
    const { store, server } = await serve();
    const { page } = await openReview(server);
    store.changeSegment(article, 's-title', (s) => ({ ...s, target: { text: 'Putin hosts Kim in the Kremlin', codes: [] } }));
    await field(page, 6).fill('Kim came by train.');
    await row(page, 6).getByRole('button', { name: 'Save' }).click();
    const alert = page.getByRole('alert');
    await alert.getByRole('button', { name: 'Reload' }).waitFor();
    expect(await alert.innerText()).toMatch(/^Segment 6 not saved: the document changed since it was loaded \(someone saved it in another window or a tool\)\. Reload to see the current version; your text stays in its field\.\s+Reload$/u);
    expect(segmentOf(store, 's-body-2')?.target?.text).toBe('Kim arrived by train.');
    await alert.getByRole('button', { name: 'Reload' }).click();
    await status(page, 'Reloaded. 1 text you had not saved stays in its field');
    expect(await field(page, 1).inputValue()).toBe('Putin hosts Kim in the Kremlin');
    expect(await field(page, 6).inputValue()).toBe('Kim came by train.');
    expect(await row(page, 6).locator('.unsaved').isVisible()).toBe(true);
    await row(page, 6).getByRole('button', { name: 'Save' }).click();
    await status(page, 'Saved segment 6.');
    expect(segmentOf(store, 's-body-2')?.target?.text).toBe('Kim came by train.');
    expect(segmentOf(store, 's-title')?.target?.text).toBe('Putin hosts Kim in the Kremlin');
  });

  it('when someone else changed the very segment being typed in, shows their text next to the draft', async () => {
    const { store, server } = await serve();
    const { page } = await openReview(server);
    await field(page, 6).fill('Kim came by train.');
    store.changeSegment(article, 's-body-2', (s) => ({ ...s, target: { text: 'Kim travelled by train.', codes: [] } }));
    await row(page, 6).getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').getByRole('button', { name: 'Reload' }).click();
    await status(page, '1 of them was changed by someone else meanwhile');
    expect(await row(page, 6).locator('.changed').innerText()).toContain('the saved text is now: “Kim travelled by train.”');
    expect(await field(page, 6).inputValue()).toBe('Kim came by train.');
    await row(page, 6).getByRole('button', { name: 'Use current text' }).click();
    expect(await field(page, 6).inputValue()).toBe('Kim travelled by train.');
    expect(await row(page, 6).locator('.changed').count()).toBe(0);
  });

  it('keeps hostile targets, notes and glossary text as text, in the page and in the store', async () => {
    const payloads = ['<script>window.pwned = 1</script>', '<img src=x onerror="window.pwned = 2">', '"><svg onload="window.pwned = 3">'];
    const view = articleView();
    const hostile: ReviewDocument = {
      ...view,
      segments: view.segments.map((s, i) =>
        i === 0
          ? {
              ...s,
              target: { text: payloads.join(' '), codes: [] },
              source: { ...s.source, terms: s.source.terms.map((t) => ({ ...t, note: payloads[1] ?? '' })) },
              findings: [{ ruleId: 'qa/x', severity: 'warning', reason: payloads[0] ?? '' }],
              notes: [{ author: payloads[2] ?? '', text: payloads[1] ?? '' }],
              candidates: [{ kind: 'machine', target: { text: payloads[1] ?? '', codes: [] }, origin: payloads[0] ?? '' }],
            }
          : s,
      ),
    };
    const { store, server } = await serve([hostile]);
    const { page, problems } = await openReview(server);
    const injected = () => page.evaluate(() => [document.querySelectorAll('main script, main img, main svg').length, window.pwned ?? 0]);
    expect(await injected()).toEqual([0, 0]);
    expect(await field(page, 1).inputValue()).toBe(payloads.join(' '));
    expect(await row(page, 1).locator('.notes').innerText()).toBe(`${payloads[2]} ${payloads[1]}`);
    await field(page, 2).fill('<img src=x onerror="window.pwned = 4"> & <b>bold</b>');
    await row(page, 2).getByRole('button', { name: 'Save' }).click();
    await status(page, 'Saved segment 2.');
    expect(segmentOf(store, 's-lead-1')?.target?.text).toBe('<img src=x onerror="window.pwned = 4"> & <b>bold</b>');
    await page.reload();
    await page.locator('li.segment').first().waitFor();
    expect(await field(page, 2).inputValue()).toBe('<img src=x onerror="window.pwned = 4"> & <b>bold</b>');
    expect(await injected()).toEqual([0, 0]);
    expect(problems).toEqual([]);
    // The static report of the same document, opened as a file would be.
    const report = await browser.context.newPage();
    await report.setContent(renderReport(store.current(article) as ReviewDocument));
    expect(await report.evaluate(() => [document.querySelectorAll('script, img, svg').length, window.pwned ?? 0])).toEqual([0, 0]);
    expect(await report.locator('tbody tr').first().locator('td').nth(2).innerText()).toContain(payloads[0]);
  });

  it('refuses a request without the token, also from the page itself', async () => {
    const { store, server } = await serve();
    const page = await browser.context.newPage();
    const bare = await page.goto(`${server.origin}/review/putin-kim/en`);
    expect(bare?.status()).toBe(401);
    expect(await page.locator('body').innerText()).toContain('"code":"token-required"');
    const { page: review } = await openReview(server);
    const answer = await review.evaluate(async () => {
      const response = await fetch(location.pathname.replace('/review/', '/api/documents/') + '/actions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ version: 'x', action: { kind: 'comment', segment: 's-title', comment: 'no token' } }),
      });
      return response.status;
    });
    expect(answer).toBe(401);
    expect(segmentOf(store, 's-title')?.notes).toEqual([]);
  });

  it('refuses a page reached under another host name (DNS rebinding)', async () => {
    const { server } = await serve();
    const rebinding = await launchBrowser({ hostRules: 'MAP rebound.test 127.0.0.1' });
    try {
      const page = await rebinding.context.newPage();
      const response = await page.goto(`http://rebound.test:${server.port}/review/putin-kim/en?token=${server.token}`);
      expect(response?.status()).toBe(403);
      expect(await page.locator('body').innerText()).toContain('"code":"host-refused"');
    } finally {
      await rebinding.close();
    }
  }, 60_000);

  it('moves between segments, confirms and moves on, and filters, all from the keyboard', async () => {
    const { store, server } = await serve();
    const { page } = await openReview(server);
    await field(page, 1).focus();
    await page.keyboard.press('Alt+ArrowDown');
    expect(await focusedId(page)).toBe('target-2');
    expect(await row(page, 2).getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Alt+ArrowUp');
    expect(await focusedId(page)).toBe('target-2');
    await page.keyboard.press('Control+Enter');
    expect(await focusedId(page)).toBe('target-3');
    await status(page, 'Confirmed segment 2.');
    expect(segmentOf(store, 's-lead-1')?.state).toBe('reviewed');
    await page.keyboard.type(' Edited.');
    await page.keyboard.press('Control+s');
    await status(page, 'Saved segment 3.');
    expect(segmentOf(store, 's-lead-2')?.target?.text).toBe('The Kreml spoke of a success. Edited.');

    const shown = () => page.locator('li.segment .number').allInnerTexts();
    await page.keyboard.press('Alt+Shift+S');
    expect(await focusedId(page)).toBe('filter-state');
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#filter-state').inputValue()).toBe('reviewed');
    expect(await shown()).toEqual(['Segment 2', 'Segment 5', 'Segment 8']);
    await page.keyboard.press('Home');
    await page.keyboard.press('Alt+Shift+F');
    expect(await focusedId(page)).toBe('filter-findings');
    await page.keyboard.press('ArrowDown');
    expect(await shown()).toEqual(['Segment 3', 'Segment 7']);
    await page.keyboard.press('ArrowDown');
    expect(await shown()).toEqual(['Segment 3']);
    await page.keyboard.press('Home');
    await page.keyboard.press('Alt+Shift+O');
    expect(await focusedId(page)).toBe('filter-origin');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#filter-origin').inputValue()).toBe('memory');
    expect(await shown()).toEqual(['Segment 2']);
    await page.keyboard.press('End');
    expect(await shown()).toEqual(['Segment 4']);
  });

  it('pages a long document and moves across pages from the keyboard', async () => {
    const { server } = await serve([generatedView(120)], 50);
    const { page } = await openReview(server, { document: 'generated', language: 'en' });
    expect(await page.locator('li.segment').count()).toBe(50);
    expect(await page.locator('#range').innerText()).toBe('Segments 1–50 of 120');
    await field(page, 50).focus();
    await page.keyboard.press('Alt+ArrowDown');
    expect(await focusedId(page)).toBe('target-51');
    expect(await page.locator('#range').innerText()).toBe('Segments 51–100 of 120');
    await page.getByRole('button', { name: 'Next page' }).click();
    expect(await page.locator('#range').innerText()).toBe('Segments 101–120 of 120');
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
  });

  it('loses no edit in 200 random edits and confirmations with changes by others in between', async () => {
    const ref: DocumentRef = { document: 'generated', language: 'en' };
    const { store, server } = await serve([generatedView(30)]);
    const { page, problems } = await openReview(server, ref);
    const random = seededRandom(20250904);
    const pick = (n: number): number => Math.floor(random() * n);
    const alphabet = ['a', 'b', 'é', 'ß', ' ', '<', '>', '&', '"', "'", '✓', '😀', 'z'];
    const expected = new Map(store.current(ref)?.segments.map((s) => [s.id, { text: s.target?.text ?? '', state: s.state }]));
    let conflicts = 0;
    /** True after a change by others that the page has not loaded yet: its next action must be refused. */
    let stale = false;
    const changeOutside = (id: string, step: number): void => {
      store.changeSegment(ref, id, (s) => ({ ...s, target: { text: `outside ${step}`, codes: [] }, state: 'translated' }));
      expected.set(id, { text: `outside ${step}`, state: 'translated' });
      stale = true;
    };
    for (let step = 0; step < 200; step += 1) {
      const index = pick(30);
      const id = `g${index}`;
      const text = `edit ${step} ` + Array.from({ length: 1 + pick(8) }, () => alphabet[pick(alphabet.length)]).join('');
      const confirm = random() < 0.4;
      if (random() < 0.1) changeOutside(`g${pick(30)}`, step);
      // By id: the controls' names are proven above, and 200 rounds stay quick this way.
      await page.locator(`#target-${index + 1}`).fill(text);
      if (random() < 0.05) changeOutside(id, step);
      const act = async () => {
        const answered = page.waitForResponse((r) => r.url().endsWith('/actions'));
        await page.locator(`#segment-${index + 1} .actions button`, { hasText: confirm ? 'Confirm' : 'Save' }).click();
        return (await answered).status();
      };
      let answer = await act();
      expect(answer).toBe(stale ? 409 : 200);
      if (answer === 409) {
        conflicts += 1;
        stale = false;
        await page.getByRole('alert').getByRole('button', { name: 'Reload' }).click();
        await status(page, 'Reloaded.');
        expect(await page.locator(`#target-${index + 1}`).inputValue()).toBe(text);
        answer = await act();
      }
      expect(answer).toBe(200);
      const before = expected.get(id);
      expected.set(id, { text, state: confirm ? 'reviewed' : before?.text === text ? (before?.state ?? 'translated') : 'translated' });
    }
    const stored = new Map(store.current(ref)?.segments.map((s) => [s.id, { text: s.target?.text ?? '', state: s.state }]));
    expect(stored).toEqual(expected);
    expect(conflicts).toBeGreaterThan(10);
    await page.reload();
    await page.locator('li.segment').first().waitFor();
    const fields = await page.locator('li.segment textarea').evaluateAll((areas) => areas.map((a) => (a as unknown as { value: string }).value));
    expect(fields).toEqual([...expected.values()].map((e) => e.text));
    // Chromium logs every refused request; those are the conflicts counted above.
    expect(problems.filter((p) => !p.includes('status of 409 (Conflict)'))).toEqual([]);
  }, 240_000);

  it('writes a 1280×800 screenshot of the page for people to look at (test-output/review.png)', async () => {
    const { store, server } = await serve();
    const { page } = await openReview(server);
    await row(page, 1).locator('mark.term', { hasText: 'Kreml' }).focus();
    const file = testOutput('review.png');
    const png = await page.screenshot({ path: file });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    store.changeSegment(article, 's-title', (s) => ({ ...s, state: 'final' }));
    await field(page, 3).fill('The Kremlin spoke of a great success.');
    await row(page, 3).getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').getByRole('button', { name: 'Reload' }).click();
    await status(page, 'Reloaded.');
    await page.screenshot({ path: testOutput('review-conflict.png') });
    // Leaving with a text not saved asks first (beforeunload): save it.
    await row(page, 3).getByRole('button', { name: 'Save' }).click();
    await status(page, 'Saved segment 3.');
    await page.goto(`${server.url}`);
    await page.screenshot({ path: testOutput('review-index.png') });
    await page.goto(`${server.origin}/report/putin-kim/en?token=${server.token}`);
    await page.screenshot({ path: testOutput('review-report.png') });
  });
});

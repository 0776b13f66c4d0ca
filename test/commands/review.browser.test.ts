/**
 * `l10n review` end to end: the command serving a throw-away copy of a project, the page in a real
 * browser (Chromium through playwright-core), and the XLIFF files on disk after each action. Also
 * the read-only review page that `l10n build` writes next to the outputs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';
import { runReview } from '../helpers/review.js';
import { launchBrowser, testOutput, type TestBrowser } from '../review/browser.js';

// What the functions run in the page use of its globals (the project compiles without the DOM library).
declare const document: { activeElement: { id: string } | null; querySelectorAll(selector: string): { length: number } };

const CHANCELLOR = 's9ae8ac9d29de';
const ENERGY = 's70a4d6b2a639';
const HEADING = 'sdc026b759452';

let browser: TestBrowser;
let project: TempProject | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await Promise.all(browser.context.pages().map((p) => p.close()));
  project?.remove();
  project = undefined;
});

/**
 * A copy of the fixture project whose English file has a machine translation marked for review
 * (segment 3) and a forbidden rendering of a glossary term (segment 2).
 */
function reviewProject(): { project: TempProject; xliff: () => string; write: (xml: string) => void } {
  const copy = tempProject({ fixture: 'artikel', withTranslations: true });
  project = copy;
  const file = 'translations/en/gipfel.xlf';
  copy.write(
    file,
    copy
      .read(file)
      .replace('<target state="translated" xml:space="preserve">Both talked', '<target state="needs-review-translation" state-qualifier="mt-suggestion" xml:space="preserve">Both talked')
      .replace('The Chancellor met the French president', 'The Federal Chancellor met the French president'),
  );
  return { project: copy, xliff: () => copy.read(file), write: (xml) => writeFileSync(path.join(copy.root, file), xml) };
}

/** Runs `l10n review --reviewer Ana <args>` in the project until `session` is done with the page of gipfel/en, reached from the address the command printed. */
async function reviewSession(root: string, args: readonly string[], session: (page: Page) => Promise<void>): Promise<{ code: number; stderr: string }> {
  return runReview(root, ['--reviewer', 'Ana', ...args], async (url) => {
    const page = await browser.context.newPage();
    // The address leads to the index; the document is one link away.
    await page.goto(url);
    await page.getByRole('link', { name: 'Review gipfel (en)' }).click();
    await page.locator('li.segment').first().waitFor();
    await session(page);
  });
}

const row = (page: Page, n: number) => page.getByRole('group', { name: `Segment ${n}`, exact: true });
const field = (page: Page, n: number) => page.getByRole('textbox', { name: `Target of segment ${n}`, exact: true });
const button = (page: Page, n: number, name: string) => row(page, n).getByRole('button', { name, exact: true });
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const shown = (page: Page) => page.locator('li.segment .number').allInnerTexts();
/** The `<trans-unit>` of `id` in a 1.2 file, as written. */
const unit = (xml: string, id: string): string => new RegExp(`<trans-unit id="${id}"[\\s\\S]*?</trans-unit>`, 'u').exec(xml)?.[0] ?? '';

describe('l10n review in the browser, on the project\'s files', { timeout: 90_000 }, () => {
  it('shows the document side by side with its languages, labelled controls, findings and origins, and filters and moves from the keyboard', async () => {
    const { project } = reviewProject();
    const { code } = await reviewSession(project.root, ['--lang', 'en'], async (page) => {
      expect(await page.locator('li.segment').count()).toBe(8);
      expect(await row(page, 2).locator('.source').getAttribute('lang')).toBe('de');
      expect(await row(page, 2).locator('.target').getAttribute('lang')).toBe('en');
      expect(await field(page, 1).inputValue()).toBe('Scholz meets Macron in Paris');
      for (const name of ['Save', 'Confirm', 'Send back', 'Comment']) expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(8);
      expect(await page.getByRole('textbox', { name: 'Comment on segment 8', exact: true }).count()).toBe(1);
      expect(await row(page, 2).getByRole('list', { name: 'Findings of segment 2' }).innerText()).toContain('qa/forbidden-term');
      expect(await row(page, 3).locator('.meta').innerText()).toBe('Segment 3\nparagraph\nneeds review\nmachine');

      await page.getByLabel('State', { exact: true }).selectOption('needs-review');
      expect(await shown(page)).toEqual(['Segment 3']);
      await page.getByLabel('State', { exact: true }).selectOption('all');
      await page.getByLabel('Findings', { exact: true }).selectOption('error');
      expect(await shown(page)).toEqual(['Segment 2']);
      await page.getByLabel('Findings', { exact: true }).selectOption('all');
      await page.keyboard.press('Alt+Shift+O');
      expect(await focusedId(page)).toBe('filter-origin');
      await page.getByLabel('Origin', { exact: true }).selectOption('machine');
      expect(await shown(page)).toEqual(['Segment 3']);
      await page.getByLabel('Origin', { exact: true }).selectOption('all');
      expect(await shown(page)).toHaveLength(8);

      await field(page, 1).focus();
      await page.keyboard.press('Alt+ArrowDown');
      await page.keyboard.press('Alt+ArrowDown');
      expect(await focusedId(page)).toBe('target-3');
      await page.keyboard.press('Alt+ArrowUp');
      expect(await focusedId(page)).toBe('target-2');
      expect(await row(page, 2).getAttribute('aria-current')).toBe('true');
      await page.screenshot({ path: testOutput('review-project.png') });
    });
    expect(code).toBe(0);
  });

  it('writes each action into the XLIFF file: an edit saved, a confirmation that moves on, a segment sent back with a comment; a reload shows them', async () => {
    const { project, xliff } = reviewProject();
    const before = xliff();
    const { code, stderr } = await reviewSession(project.root, ['--lang', 'en'], async (page) => {
      await field(page, 2).fill('The Chancellor met the French President in Paris on Monday.');
      await button(page, 2, 'Save').click();
      await status(page, 'Saved segment 2.');
      expect(await row(page, 2).locator('.findings').count()).toBe(0);
      const saved = unit(xliff(), CHANCELLOR);
      expect(saved).toContain('<target state="translated" xml:space="preserve">The Chancellor met the French President in Paris on Monday.</target>');
      expect(saved).toMatch(/<note from="l10n-review" annotates="target">edited by Ana \(\d{4}-\d\d-\d\dT[^)]+\)<\/note>/u);

      // Confirm from the keyboard: the segment is confirmed and the next one has the focus.
      await field(page, 3).focus();
      await page.keyboard.press('Control+Enter');
      await status(page, 'Confirmed segment 3.');
      expect(await focusedId(page)).toBe('target-4');
      expect(unit(xliff(), ENERGY)).toMatch(/^<trans-unit id="s70a4d6b2a639" resname="paragraph-2.2" approved="yes">[\s\S]*<target state="signed-off" state-qualifier="mt-suggestion" xml:space="preserve">Both talked about energy prices.<\/target>[\s\S]*confirmed by Ana/u);

      await page.getByRole('textbox', { name: 'Comment on segment 4', exact: true }).fill('Say "support", not "aid".');
      await button(page, 4, 'Send back').click();
      await status(page, 'Sent segment 4 back to the translator.');
      const sentBack = unit(xliff(), HEADING);
      expect(sentBack).toContain('<target state="needs-translation" xml:space="preserve">New aid for industry</target>');
      expect(sentBack).toMatch(/<note from="Ana \(\d{4}-\d\d-\d\dT[^)]+\)" annotates="target">Say "support", not "aid"\.<\/note>/u);

      await page.reload();
      await page.locator('li.segment').first().waitFor();
      expect(await field(page, 2).inputValue()).toBe('The Chancellor met the French President in Paris on Monday.');
      expect(await row(page, 3).locator('.state').innerText()).toBe('reviewed');
      expect(await row(page, 4).locator('.state').innerText()).toBe('sent back');
      expect(await row(page, 4).locator('.notes').innerText()).toContain('Say "support", not "aid".');
    });
    expect(code).toBe(0);
    expect(stderr).toContain('Stopped. Every change you saved is in the files.');
    // Only the three units changed; the rest of the file is as it was, byte for byte.
    const after = xliff();
    for (const id of [CHANCELLOR, ENERGY, HEADING]) expect(unit(after, id)).not.toBe(unit(before, id));
    const rest = (xml: string) => [CHANCELLOR, ENERGY, HEADING].reduce((text, id) => text.replace(unit(xml, id), `<unit ${id}/>`), xml);
    expect(rest(after)).toBe(rest(before));
  });

  it('refuses a save when the file changed on disk since the page loaded, says so clearly, keeps both changes after a reload', async () => {
    const { project, xliff, write } = reviewProject();
    const { code } = await reviewSession(project.root, ['--lang', 'en'], async (page) => {
      // A translator's CAT tool saves the file meanwhile.
      const outside = xliff().replace('New aid for industry', 'New support for industry');
      write(outside);
      await field(page, 6).fill('At the 80th anniversary, Macron recalled the “friendship of both peoples”.');
      await button(page, 6, 'Save').click();
      const alert = page.getByRole('alert');
      await alert.getByRole('button', { name: 'Reload' }).waitFor();
      expect(await alert.innerText()).toMatch(/^Segment 6 not saved: the document changed since it was loaded \(someone saved it in another window or a tool\)\. Reload to see the current version; your text stays in its field\./u);
      expect(xliff()).toBe(outside);
      await alert.getByRole('button', { name: 'Reload' }).click();
      await status(page, 'Reloaded.');
      expect(await field(page, 4).inputValue()).toBe('New support for industry');
      expect(await field(page, 6).inputValue()).toBe('At the 80th anniversary, Macron recalled the “friendship of both peoples”.');
      await button(page, 6, 'Save').click();
      await status(page, 'Saved segment 6.');
    });
    expect(code).toBe(0);
    expect(xliff()).toContain('New support for industry');
    expect(xliff()).toContain('At the 80th anniversary, Macron recalled');
  });
});

describe('the read-only review page of l10n build', { timeout: 90_000 }, () => {
  it('is the same bytes when built twice, reads without script, and carries the languages and who confirmed', async () => {
    const { project } = reviewProject();
    // The reviewer corrects the forbidden rendering and confirms it, and confirms the machine translation.
    await reviewSession(project.root, ['--lang', 'en'], async (page) => {
      await field(page, 2).fill('The Chancellor met the French president in Paris on Monday.');
      await button(page, 2, 'Confirm').click();
      await status(page, 'Confirmed segment 2.');
      await button(page, 3, 'Confirm').click();
      await status(page, 'Confirmed segment 3.');
    });
    const build = await project.run(['build', '--lang', 'en']);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).toContain('en: gipfel: 2 reviewed; confirmed by Ana 2');
    const report = path.join(project.root, 'output/en/gipfel.review.html');
    const first = readFileSync(report);
    expect((await project.run(['build', '--lang', 'en'])).code).toBe(0);
    expect(readFileSync(report).equals(first)).toBe(true);

    const page = await browser.context.newPage();
    await page.goto(`file://${report}`);
    expect(await page.evaluate(() => document.querySelectorAll('script, link[rel="stylesheet"], img').length)).toBe(0);
    const firstRow = page.locator('tbody tr').first();
    expect(await firstRow.locator('[lang="de"]').first().innerText()).toContain('Scholz trifft Macron in Paris');
    expect(await firstRow.locator('[lang="en"]').first().innerText()).toContain('Scholz meets Macron in Paris');
    expect(await page.locator('tbody tr').nth(1).innerText()).toMatch(/reviewed\s+reviewer \(Ana\)\s+confirmed by Ana \(\d{4}-\d\d-\d\dT[^)]+\)/u);
    expect(await page.locator('tbody tr').nth(2).innerText()).toMatch(/reviewed\s+machine\s+confirmed by Ana/u);
  });
});

/**
 * The real browser of the review page tests: Debian's Chromium driven by playwright-core, with a
 * fresh profile per launch. Without Chromium the tests fail with a message that says how to
 * install it; they are never skipped.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface TestBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts Chromium with a 1280×800 window. `hostRules` maps host names to addresses the way DNS
 * would (`MAP rebound.test 127.0.0.1`), so a test can play a DNS-rebinding page.
 */
export async function launchBrowser(options: { hostRules?: string } = {}): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}, and the review page is tested in a real browser. ` +
        'Install it with: apt-get update && apt-get install -y chromium (.ci/run does this before npm test).',
    );
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'l10n-review-chromium-'));
  const args = options.hostRules === undefined ? FLAGS : [...FLAGS, `--host-resolver-rules=${options.hostRules}`];
  // The fresh profile goes in as --user-data-dir through launchPersistentContext: Playwright
  // passes it to Chromium itself and refuses the flag among `args`.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: { width: 1280, height: 800 },
    timeout: 30_000,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where tests write what a person may want to look at (screenshots); ignored by git. */
export function testOutput(name: string): string {
  const dir = path.resolve('test-output');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/**
 * The real browser of the review page tests: Debian's Chromium driven by playwright-core, with a
 * fresh profile per launch (the launcher the review benchmark uses). Without Chromium the tests
 * fail with a message that says how to install it; they are never skipped.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export { launchChromium as launchBrowser, type LaunchedChromium as TestBrowser } from '../../pipeline/bench/review.js';

/** Where tests write what a person may want to look at (screenshots); ignored by git. */
export function testOutput(name: string): string {
  const dir = path.resolve('test-output');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempProject } from '../helpers/project.js';

const FIXTURES = path.resolve('test/fixtures/xliff');
const fixture = (name: string): string => path.join(FIXTURES, name);
const project = tempProject({ fixture: 'artikel' });
afterAll(() => project.remove());

describe('l10n inspect', () => {
  it('reports a Trados-style 1.2 file as text', async () => {
    const result = await project.run(['inspect', fixture('trados-style-12.xlf')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('XLIFF 1.2, de-DE → en-US');
    expect(result.stdout).toContain('units: 3');
    expect(result.stdout).toContain('targets with text: 3');
    expect(result.stdout).toMatch(/states: .*signed-off 1/u);
  });

  it('reports a 2.1 tool file as JSON with the documented fields', async () => {
    const result = await project.run(['inspect', fixture('tool-21.xlf'), '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ version: '2.1', sourceLanguage: 'de', targetLanguage: 'en', units: 2, segments: 3, targets: 3 });
    expect(summary.files).toEqual([{ id: expect.any(String), original: expect.any(String), sourceLanguage: 'de', targetLanguage: 'en', units: 2, segments: 3 }]);
    expect(summary.inlineCodes).toMatchObject({ pc: 1, ph: 1, sc: 1, ec: 1 });
    expect(Object.keys(summary.states as object).sort()).toEqual(['final', 'reviewed', 'translated']);
  });

  it('shows what a tool-specific status was read as when the file has no XLIFF state (Trados confirmation levels)', async () => {
    const summary = JSON.parse((await project.run(['inspect', fixture('corpus/trados-studio.sdlxliff'), '--json'])).stdout) as { states: Record<string, number> };
    expect(summary.states).toMatchObject({
      '(none: read as final)': 1,
      '(none: read as reviewed)': 1,
      '(none: read as translated)': 1,
      '(none: read as translated, needs review)': 3,
    });
  });

  it('counts inline codes per element and raw states of a 1.2 file', async () => {
    const summary = JSON.parse((await project.run(['inspect', fixture('inline-12.xlf'), '--json'])).stdout) as { inlineCodes: Record<string, number>; markers: Record<string, number> };
    expect(summary.inlineCodes).toMatchObject({ g: 1, x: 1, bx: 1, ex: 1, ph: 1, bpt: 1, ept: 1, it: 1 });
    expect(summary.markers).toMatchObject({ term: 1 });
  });

  it('reports our own export after extract', async () => {
    expect((await project.run(['extract', '--lang', 'en'])).code).toBe(0);
    const summary = JSON.parse((await project.run(['inspect', 'translations/en/gipfel.xlf', '--json'])).stdout) as Record<string, unknown>;
    // The one target is the locked credit's ("dpa", nothing to translate).
    expect(summary).toMatchObject({ version: '1.2', units: 8, segments: 8, targets: 1, states: { '(none)': 7, final: 1 } });
  });

  it.each([
    ['hostile-doctype-xxe.xlf', 'xliff/doctype'],
    ['hostile-truncated.xlf', 'xliff/not-well-formed'],
    ['hostile-version-3.xlf', 'xliff/unsupported-version'],
    ['hostile-duplicate-ids.xlf', 'xliff/duplicate-id'],
  ])('refuses %s with exit 3 and one positioned message, no stack trace', async (name, rule) => {
    const result = await project.run(['inspect', fixture(name)]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    const [first, ...rest] = result.stderr.trimEnd().split('\n');
    expect(first).toMatch(new RegExp(`^${fixture(name).replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')}:\\d+:\\d+: error: .+ \\[${rule}\\]$`, 'u'));
    expect(rest.some((l) => l.includes('→'))).toBe(true);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });

  it('exits 3 for a missing file and 2 without a file', async () => {
    expect((await project.run(['inspect', 'nope.xlf'])).code).toBe(3);
    expect((await project.run(['inspect'])).code).toBe(2);
  });
});

/**
 * The files the project ships: the translators' XLIFF files must stay valid against the official
 * schema and complete, and the committed outputs must be what the build produces from them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SKIP_REASON, schemasAvailable, validateXliff } from '../helpers/xliff-schema.js';
import { tempProject, type TempProject } from '../helpers/project.js';

const LANGUAGES = ['en', 'fr', 'es'];
const shippedXliff = LANGUAGES.flatMap((language) =>
  readdirSync(path.join('translations', language))
    .filter((name) => name.endsWith('.xlf'))
    .map((name) => path.join('translations', language, name)),
);

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

describe('shipped translations', () => {
  it('has one XLIFF file per target language for the article', () => {
    expect(shippedXliff.map((file) => file.split(path.sep).join('/'))).toEqual([
      'translations/en/putin-kim-treffen-peking.xlf',
      'translations/fr/putin-kim-treffen-peking.xlf',
      'translations/es/putin-kim-treffen-peking.xlf',
    ]);
  });

  for (const file of shippedXliff) {
    it.skipIf(!schemasAvailable)(`${file} is valid against the XLIFF 1.2 strict schema`, async () => {
      const result = await validateXliff(readFileSync(file, 'utf8'), '1.2');
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    });
  }
  if (!schemasAvailable) it.skip(SKIP_REASON, () => undefined);

  it('is complete: every segment of every language is translated', async () => {
    project = tempProject({ withTranslations: true });
    const result = await project.run(['status', '--json', '--fail-if-incomplete']);
    expect(result.code).toBe(0);
  });

  it('builds into exactly the committed output/', async () => {
    project = tempProject({ withTranslations: true });
    const { cpSync } = await import('node:fs');
    cpSync('output', path.join(project.root, 'output'), { recursive: true });
    const result = await project.run(['build', '--check']);
    expect(result.stderr).not.toContain('[build/outdated-output]');
    expect(result.code).toBe(0);
  });
});

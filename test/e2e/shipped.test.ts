/**
 * What the project ships, end to end: the bundled config and article, the translators' XLIFF files
 * (valid against the official schema and complete) and the committed outputs (what the build
 * produces from them). The only test that uses the bundled article; every other test has a
 * fixture of its own (`test/fixtures/projects/`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SKIP_REASON, schemasAvailable, validateXliff } from '../helpers/xliff-schema.js';
import { tempProject, type TempProject } from '../helpers/project.js';
import { parseConfig } from '../../pipeline/config.js';
import { assembleText } from '../../pipeline/formats/text/write.js';
import { readText } from '../../pipeline/formats/text/read.js';
import type { Document } from '../../pipeline/model.js';
import { bundledFile } from '../../pipeline/paths.js';
import { RULE_IDS } from '../../pipeline/qa/index.js';
import { createSegmenter } from '../../pipeline/segment/engine.js';

const FILE = '/project/l10n.config.yaml';
const KNOWN = { ruleIds: RULE_IDS };
const ARTICLE = 'source/putin-kim-treffen-peking.txt';
const articleText = readFileSync(ARTICLE, 'utf8');
const read = (text: string) => readText(text, { name: 'doc', path: 'doc.txt', language: 'de' });

/** A document whose every block is one segment with the block's text (segmentation is tested elsewhere). */
function wholeBlockSegments(text: string): Document {
  const { doc } = readText(text, { name: 'doc', path: 'doc.txt', language: 'de' });
  doc.blocks.forEach((block, b) => {
    block.id = `b${b}`;
    block.segments = [{ id: `s${b}`, text: text.slice(block.start, block.end), start: block.start, end: block.end, codes: [], spans: [] }];
  });
  return doc;
}

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

describe('the bundled l10n.config.yaml', () => {
  it('reads de → en, fr, es with the article and the default policies', () => {
    const config = parseConfig(readFileSync('l10n.config.yaml', 'utf8'), FILE, KNOWN);
    expect(config.sourceLanguage).toBe('de');
    expect(config.targetLanguages).toEqual(['en', 'fr', 'es']);
    // No list: every document in source/ that a format reads is found on every run.
    expect(config.documents).toEqual([]);
    expect(config.policies).toEqual({ untranslated: 'fail', publishState: 'translated', failOn: 'error', machine: { publish: [] } });
    expect(config.root).toBe('/project');
  });
});

describe('reading the bundled article', () => {
  const { doc, messages } = read(articleText);

  it('reads the first line as the title', () => {
    const title = doc.blocks[0]!;
    expect(title.kind).toBe('title');
    expect(articleText.slice(title.start, title.end)).toBe(
      'Putin trifft sich mit Kim Jong-un, doch der Kreml bestreitet eine Verschwörung gegen Trump',
    );
  });

  it('recovers the three glued sub-headings as heading blocks', () => {
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => articleText.slice(b.start, b.end));
    expect(headings).toEqual([
      'Russisch-nordkoreanisches Bündnis gegen Neonazismus',
      'Putin und Kim unterhalten sich ausführlich',
      'Der Kreml bestreitet eine Verschwörung gegen die USA.',
    ]);
  });

  it('starts the paragraph after each recovered heading where the glue was', () => {
    const glued = doc.blocks.filter((b) => b.glued).map((b) => articleText.slice(b.start, b.start + 20));
    expect(glued).toEqual(['Kim betonte, dass si', 'Zum 80. Jahrestag de', 'Der Kreml achtete da']);
  });

  it('reads the last line "Expansion" as the credit', () => {
    const last = doc.blocks.at(-1)!;
    expect(last.kind).toBe('credit');
    expect(articleText.slice(last.start, last.end)).toBe('Expansion');
  });

  it('has 19 paragraphs between title and credit', () => {
    expect(doc.blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(19);
  });

  it('reports every repair with a rule id, line and column', () => {
    const repairs = messages.map((m) => [m.ruleId, m.line, m.column]);
    expect(repairs).toEqual([
      ['read/glued-heading', 6, 52],
      ['read/glued-heading', 13, 43],
      ['read/glued-heading', 18, 54],
      ['read/credit', 22, 1],
    ]);
    const lines = articleText.split('\n');
    expect(lines[5]!.slice(51, 54)).toBe('Kim');
    expect(lines[12]!.slice(42, 45)).toBe('Zum');
    expect(lines[17]!.slice(53, 56)).toBe('Der');
  });

  it('never changes a character: blocks are ranges of the text as read', () => {
    expect(doc.text).toBe(articleText);
    for (const [a, b] of doc.blocks.slice(0, -1).map((block, i) => [block, doc.blocks[i + 1]!] as const)) {
      expect(a.end).toBeLessThanOrEqual(b.start);
    }
  });
});

describe('reassembling the bundled article', () => {
  it('gives back the source when targets equal sources, with recovered headings on their own line', () => {
    const out = assembleText(wholeBlockSegments(articleText), new Map());
    const expected = articleText
      .replace('gegen NeonazismusKim betonte', 'gegen Neonazismus\nKim betonte')
      .replace('ausführlichZum 80.', 'ausführlich\nZum 80.')
      .replace('gegen die USA.Der Kreml achtete', 'gegen die USA.\nDer Kreml achtete');
    expect(out).toBe(expected);
  });
});

const GLUED_HEADINGS = ['gegen Neonazismus|Kim betonte', 'ausführlich|Zum 80.', 'gegen die USA.|Der Kreml achtete'];

function articleLines(): string[] {
  let text = readFileSync(bundledFile('source/putin-kim-treffen-peking.txt'), 'utf8');
  for (const glue of GLUED_HEADINGS) {
    const joined = glue.replace('|', '');
    expect(text).toContain(joined);
    text = text.replace(joined, glue.replace('|', '\n'));
  }
  return text.split('\n').filter((line) => line.trim() !== '');
}

describe('the bundled article', () => {
  const segmenter = createSegmenter({ language: 'de' });
  const lines = articleLines();
  const segments = lines.map((line) => segmenter.split(line).map((r) => line.slice(r.start, r.end)));

  it('gives 29 segments in total', () => {
    expect(segments.flat()).toHaveLength(29);
  });

  it('keeps the title in one segment', () => {
    expect(segments[0]).toEqual(['Putin trifft sich mit Kim Jong-un, doch der Kreml bestreitet eine Verschwörung gegen Trump']);
  });

  it.each([
    ['brüderliche Pflicht betrachten.', 'Wir werden alles'],
    ['Kursk teilgenommen.', 'Sie haben tapfer'],
    ['Neonazismus danken.', 'Ich bitte Sie'],
    ['nicht mehr getroffen.', 'Es war der erste'],
    ['Vereinigten Staaten intrigieren.', 'Ich meine'],
  ])('splits the two-sentence paragraph between "…%s" and "%s…"', (end, start) => {
    const paragraph = segments.find((s) => s.some((x) => x.endsWith(end)));
    expect(paragraph).toHaveLength(2);
    expect(paragraph?.[0]?.endsWith(end)).toBe(true);
    expect(paragraph?.[1]?.startsWith(start)).toBe(true);
  });

  it('keeps every other line in one segment, "Zum 80. Jahrestag" and the quotation after a colon included', () => {
    const twoSentenceLines = segments.filter((s) => s.length === 2);
    expect(twoSentenceLines).toHaveLength(5);
    expect(segments.filter((s) => s.length !== 1 && s.length !== 2)).toEqual([]);
    expect(segments.flat()).toContain('Der Diplomat fügte hinzu: „Außerdem ist es keinem der drei Staatschefs in den Sinn gekommen.“');
    expect(segments.flat().some((s) => s.startsWith('Zum 80. Jahrestag des Weltkriegs') && s.endsWith('hätten.'))).toBe(true);
  });

  it('keeps the last line "Expansion" as one segment', () => {
    expect(segments[segments.length - 1]).toEqual(['Expansion']);
  });

  it('keeps the recovered headings whole', () => {
    const flat = segments.flat();
    expect(flat).toContain('Russisch-nordkoreanisches Bündnis gegen Neonazismus');
    expect(flat).toContain('Putin und Kim unterhalten sich ausführlich');
    expect(flat).toContain('Der Kreml bestreitet eine Verschwörung gegen die USA.');
  });
});

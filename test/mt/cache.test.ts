import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MtCacheFile, cacheFileName, cacheKey, type MtCacheEntry } from '../../pipeline/mt/cache.js';
import { closeAfterEach } from './helpers.js';

const entry = (source: string, target: string, model = 'EN-GB', glossary = ''): MtCacheEntry => ({
  key: cacheKey({ provider: 'deepl', model, sourceLanguage: 'de', targetLanguage: 'en', source, glossary }),
  model,
  glossary,
  source,
  target,
});

const opened = closeAfterEach();

describe('machine translation cache', () => {
  it('keys an answer by provider, model, pair, tagged source and glossary version', () => {
    const base = { provider: 'deepl' as const, model: 'EN-GB', sourceLanguage: 'de', targetLanguage: 'en', source: 'Der <g id="1">Kreml</g>', glossary: 'abc' };
    const keys = new Set([
      cacheKey(base),
      cacheKey({ ...base, provider: 'openai' }),
      cacheKey({ ...base, model: 'EN-US' }),
      cacheKey({ ...base, targetLanguage: 'fr' }),
      cacheKey({ ...base, source: 'Der Kreml' }),
      cacheKey({ ...base, glossary: 'abd' }),
    ]);
    expect(keys.size).toBe(6);
    expect(cacheKey(base)).toBe(cacheKey({ ...base, sourceLanguage: 'DE' }));
    expect(cacheFileName('deepl', 'de', 'pt-BR')).toBe('mt-deepl-de-pt-br.jsonl');
  });

  it('writes each answer as a line at once and reads it back in a new process', () => {
    const dir = opened.dir();
    const file = path.join(dir, 'memory', 'mt-deepl-de-en.jsonl');
    const cache = MtCacheFile.load(file);
    const a = entry('Der Kreml', 'The Kremlin');
    cache.add([a]);
    // Before any close or compaction, the line is on disk.
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(a)}\n`);
    cache.close();
    expect(MtCacheFile.load(file).get(a.key)).toEqual(a);
  });

  it('drops a torn last line and cuts it off before appending', () => {
    const dir = opened.dir();
    const file = path.join(dir, 'mt.jsonl');
    const a = entry('Eins', 'One');
    writeFileSync(file, `${JSON.stringify(a)}\n{"key":"0123`);
    const cache = MtCacheFile.load(file);
    expect(cache.size).toBe(1);
    expect(cache.warnings).toEqual([]);
    const b = entry('Zwei', 'Two');
    cache.add([b]);
    cache.close();
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(a)}\n${JSON.stringify(b)}\n`);
  });

  it('keeps a complete last line written without its line break', () => {
    const dir = opened.dir();
    const file = path.join(dir, 'mt.jsonl');
    const a = entry('Eins', 'One');
    writeFileSync(file, JSON.stringify(a));
    const cache = MtCacheFile.load(file);
    expect(cache.get(a.key)).toEqual(a);
    cache.add([entry('Zwei', 'Two')]);
    cache.close();
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(3);
  });

  it('skips an unreadable line elsewhere with a warning at its line', () => {
    const dir = opened.dir();
    const file = path.join(dir, 'mt.jsonl');
    writeFileSync(file, `${JSON.stringify(entry('Eins', 'One'))}\nnot json\n${JSON.stringify(entry('Zwei', 'Two'))}\n`);
    const cache = MtCacheFile.load(file, 'translations/memory/mt.jsonl');
    expect(cache.size).toBe(2);
    expect(cache.warnings).toMatchObject([{ ruleId: 'mt/cache-line', line: 2, file: 'translations/memory/mt.jsonl' }]);
  });

  it('compacts to the same bytes whatever order answers arrived in, each key once with its latest answer', () => {
    const dir = opened.dir();
    const [a, b, c] = [entry('Alpha', 'A'), entry('Beta', 'B'), entry('Gamma', 'G')];
    const write = (name: string, order: MtCacheEntry[][]): string => {
      const file = path.join(dir, name);
      const cache = MtCacheFile.load(file);
      for (const batch of order) cache.add(batch);
      cache.compact();
      return readFileSync(file, 'utf8');
    };
    const first = write('one.jsonl', [[c], [a, b]]);
    const second = write('two.jsonl', [[b], [{ ...a, target: 'old' }], [c, a]]);
    expect(first).toBe(second);
    expect(first.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as MtCacheEntry).source)).toEqual(['Alpha', 'Beta', 'Gamma']);
  });

  it('appends after an interrupted writer\'s torn line and still compacts cleanly', () => {
    const dir = opened.dir();
    const file = path.join(dir, 'mt.jsonl');
    const cache = MtCacheFile.load(file);
    cache.add([entry('Eins', 'One')]);
    cache.close();
    appendFileSync(file, '{"key":"abc","mo');
    const again = MtCacheFile.load(file);
    again.add([entry('Zwei', 'Two')]);
    again.compact();
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
    expect(lines.map((l) => (JSON.parse(l) as MtCacheEntry).target)).toEqual(['One', 'Two']);
  });
});

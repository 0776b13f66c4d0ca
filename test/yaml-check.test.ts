import { parseDocument, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkYaml, type FieldType } from '../pipeline/yaml-check.js';

const SCHEMA: FieldType = {
  type: 'object',
  fields: {
    name: { type: 'string' },
    mode: { type: 'enum', values: ['fast', 'careful'] },
    tags: { type: 'list', of: { type: 'string' }, minItems: 1 },
    extra: { type: 'null-or', of: { type: 'string' } },
    levels: { type: 'map', keyPattern: /^qa\/(?:numbers|quotes)$/u, keyDescribe: 'a rule id', keySuggestions: ['qa/numbers', 'qa/quotes'], of: { type: 'enum', values: ['off', 'error'] } },
  },
};

/** The problems a YAML text has against the schema, as "line: reason". */
function problems(text: string): string[] {
  const doc = parseDocument(text);
  const out: string[] = [];
  checkYaml(doc.contents as Node | null, SCHEMA, '', (node, reason) => out.push(`${node?.range?.[0] ?? '-'}: ${reason}`));
  return out;
}

describe('checkYaml', () => {
  it('returns plain data for a valid tree', () => {
    const doc = parseDocument('name: a\nmode: fast\ntags: [x]\nextra: null\nlevels: {qa/numbers: off}\n');
    const data = checkYaml(doc.contents as Node, SCHEMA, '', () => {
      throw new Error('no problem expected');
    }) as Map<string, unknown>;
    expect(data.get('name')).toBe('a');
    expect(data.get('extra')).toBeUndefined();
    expect(data.get('levels')).toEqual(new Map([['qa/numbers', 'off']]));
  });

  it('says what was expected and what arrived, with a suggestion for a near miss', () => {
    expect(problems('mode: carefull\n')).toEqual(['6: mode: expected one of "fast", "careful", got "carefull": did you mean `careful`?']);
    expect(problems('nmae: a\n')).toEqual(['0: unknown key "nmae": did you mean `name`?']);
    expect(problems('tags: x\n')).toEqual(['6: tags: expected a list, got "x"']);
    expect(problems('tags: []\n')).toEqual(['6: tags: expected at least 1 item(s), got 0']);
  });

  it('suggests a map key from the given suggestions', () => {
    expect(problems('levels: {qa/number: off}\n')).toEqual(['9: levels: expected a rule id, got "qa/number": did you mean `qa/numbers`?']);
  });

  it('never expands an alias', () => {
    expect(problems('name: &a x\nextra: *a\n')[0]).toContain('the alias *a (aliases are not expanded; write the value out)');
  });
});

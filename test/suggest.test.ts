import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../pipeline/suggest.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(editDistance('target', 'targets')).toBe(1);
    expect(editDistance('organisation', 'organization')).toBe(1);
    expect(editDistance('kidn', 'kind')).toBe(1);
    expect(editDistance('Source', 'source')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('closest', () => {
  const keys = ['id', 'source', 'kind', 'targets', 'dnt', 'variants', 'forms', 'note', 'context', 'domain', 'status', 'forbidden'];

  it('suggests the allowed word a typo stands for', () => {
    expect(closest('target', keys)).toBe('targets');
    expect(closest('sorce', keys)).toBe('source');
    expect(closest('forbiden', keys)).toBe('forbidden');
    expect(closest('organisation', ['person', 'place', 'organization', 'institution', 'title', 'other'])).toBe('organization');
  });

  it('suggests nothing for a word that is not close to any', () => {
    expect(closest('colour', keys)).toBeUndefined();
    expect(closest('xy', keys)).toBeUndefined();
    expect(closest('', keys)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { appendAll } from '../pipeline/lists.js';

describe('appendAll', () => {
  it('appends more items than one call takes as arguments (push(...items) overflows the stack there)', () => {
    const items = Array.from({ length: 300_000 }, (_, i) => i);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    const list = [-1];
    expect(appendAll(list, items)).toBe(list);
    expect(list).toHaveLength(300_001);
    expect(list[300_000]).toBe(299_999);
  });
});

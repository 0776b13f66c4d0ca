import { describe, expect, it } from 'vitest';
import { FINAL, MARKED, buildFlatTrie, childOf } from '../../pipeline/terms/trie.js';
import type { FlatTrie } from '../../pipeline/terms/trie.js';

/** The node reached by `key`, or -1. */
function nodeOf(trie: FlatTrie, key: string): number {
  let node = 0;
  for (let i = 0; i < key.length && node !== -1; i += 1) node = childOf(trie, node, key.charCodeAt(i));
  return node;
}

/** Key indices whose outputs sit at the node of `key`, in slot order. */
function outputsAt(trie: FlatTrie, key: string): number[] {
  const node = nodeOf(trie, key);
  if (node === -1) return [];
  const out: number[] = [];
  for (let slot = trie.nodes[2 * node + 1] ?? 0; slot < (trie.nodes[2 * node + 3] ?? 0); slot += 1) out.push(trie.keyOf[slot] ?? -1);
  return out;
}

describe('buildFlatTrie', () => {
  const keys = ['kreml', 'kim', 'kim jong-un', '', 'kreml-chef', 'kim', 'berlin'];
  const trie = buildFlatTrie(keys, [false, false, true, false, false, false, false]);

  it('finds every key, with duplicate keys at one node in the given order', () => {
    expect(outputsAt(trie, 'kim')).toEqual([1, 5]);
    expect(outputsAt(trie, 'kreml')).toEqual([0]);
    expect(outputsAt(trie, 'kreml-chef')).toEqual([4]);
    expect(outputsAt(trie, 'kim jong-un')).toEqual([2]);
    expect(outputsAt(trie, 'berlin')).toEqual([6]);
    expect(trie.keyOf.length).toBe(6);
  });

  it('has no path for other strings and no outputs on inner nodes', () => {
    expect(nodeOf(trie, 'kx')).toBe(-1);
    expect(nodeOf(trie, 'berliner')).toBe(-1);
    expect(outputsAt(trie, 'kre')).toEqual([]);
    expect((trie.info[nodeOf(trie, 'kre')] ?? 0) & FINAL).toBe(0);
    expect((trie.info[nodeOf(trie, 'kim')] ?? 0) & FINAL).toBe(FINAL);
  });

  it('numbers nodes in pre-order, so a single child is the next node', () => {
    const k = nodeOf(trie, 'kreml-c');
    expect(nodeOf(trie, 'kreml-ch')).toBe(k + 1);
  });

  it('marks the path to marked keys only', () => {
    expect((trie.info[nodeOf(trie, 'kim jo')] ?? 0) & MARKED).toBe(MARKED);
    expect((trie.info[nodeOf(trie, 'k')] ?? 0) & MARKED).toBe(MARKED);
    expect((trie.info[0] ?? 0) & MARKED).toBe(MARKED);
    expect((trie.info[nodeOf(trie, 'kr')] ?? 0) & MARKED).toBe(0);
    expect((trie.info[nodeOf(trie, 'b')] ?? 0) & MARKED).toBe(0);
  });

  it('builds an empty trie from no keys', () => {
    const empty = buildFlatTrie([]);
    expect(empty.nodeCount).toBe(1);
    expect(childOf(empty, 0, 0x61)).toBe(-1);
  });
});

/**
 * A trie over UTF-16 keys, flattened into typed arrays in depth-first (pre-)order.
 *
 * Why this layout: a glossary of 20,000 entries yields over 100,000 forms and hundreds of
 * thousands of nodes. With edges in a hash table (or a Map per node) every character of a term
 * costs a cache miss, and a text that names many terms is then dominated by memory latency. In
 * pre-order a node's only child is the next node, and a node's edges are stored right after those
 * of the previous node, so walking the tail of a term (a chain of single-child nodes) reads memory
 * sequentially, as a string comparison would.
 *
 * Layout (N nodes, node 0 is the root):
 * - `nodes[2n]` is the first edge of node n and `nodes[2n + 2]` one past its last (CSR);
 *   `nodes[2n + 1]` is the first output slot of node n and `nodes[2n + 3]` one past its last.
 *   Node N is a sentinel, so both ranges are read without a bounds check.
 * - `edgeCodes[e]` / `edgeTargets[e]`: the code unit and child of edge e, sorted by code per node.
 * - `rootEdges[code]`: the root's child for each code unit, directly (every walk starts there and
 *   most end after one step).
 * - `info[n]` packs what a walk needs at node n into one integer (`FINAL`, `SINGLE`, `BRANCH`, `MARKED`):
 *   three quarters of the nodes have exactly one child, which in pre-order is node n + 1, so a
 *   step along such a chain reads this one array and nothing else.
 * - output slot k stands for key `keyOf[k]`; slots are ordered by key, then by key index, so a
 *   node's outputs are in the order the keys were given.
 */

/** `info` bit: the node has outputs (a key ends here). */
export const FINAL = 1 << 16;
/** `info` bit: the node has exactly one child, node n + 1, along the code unit in the low 16 bits. */
export const SINGLE = 1 << 17;
/** `info` bit: the node has two or more children; look them up in the edge arrays. */
export const BRANCH = 1 << 18;
/**
 * `info` bit: a marked key (see `buildFlatTrie`) ends at this node or below it, so a walk that
 * only cares about marked keys may go on.
 */
export const MARKED = 1 << 19;
/** `info` mask of the code unit of a `SINGLE` node's edge. */
export const CODE_MASK = 0xffff;

/** The flattened trie; read-only once built. */
export interface FlatTrie {
  readonly nodeCount: number;
  /** Per node: `FINAL` | `SINGLE` | `BRANCH` | `MARKED` bits and, for `SINGLE`, the edge's code unit. */
  readonly info: Int32Array;
  readonly nodes: Int32Array;
  readonly edgeCodes: Uint16Array;
  readonly edgeTargets: Int32Array;
  readonly rootEdges: Int32Array;
  /** Key index of each output slot. */
  readonly keyOf: Int32Array;
}

/** The child of `node` along `code`, or -1. */
export function childOf(trie: FlatTrie, node: number, code: number): number {
  if (node === 0) return trie.rootEdges[code] ?? -1;
  const { nodes, edgeCodes, edgeTargets } = trie;
  const end = nodes[2 * node + 2] ?? 0;
  // Codes are sorted per node; most nodes below the first levels have one edge.
  for (let e = nodes[2 * node] ?? 0; e < end; e += 1) {
    const c = edgeCodes[e] ?? 0;
    if (c === code) return edgeTargets[e] ?? -1;
    if (c > code) return -1;
  }
  return -1;
}

/**
 * Builds the trie of `keys` (empty keys are allowed and ignored). Keys are sorted once; inserting
 * them in sorted order creates the nodes in pre-order, and a node's outputs are then one run of
 * the sorted keys. Cost: the sort plus the total length of the keys.
 *
 * `marked[k]` marks key k; every node on the path to a marked key gets the `MARKED` bit.
 */
export function buildFlatTrie(keys: readonly string[], marked: readonly boolean[] = []): FlatTrie {
  const order: number[] = [];
  let totalLength = 0;
  let longest = 0;
  keys.forEach((key, index) => {
    if (key === '') return;
    order.push(index);
    totalLength += key.length;
    longest = Math.max(longest, key.length);
  });
  // Code-unit order (what `<` compares), ties by key index so equal keys keep their given order.
  order.sort((a, b) => {
    const ka = keys[a] as string;
    const kb = keys[b] as string;
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  });

  // Pass 1: create nodes in pre-order, remembering each node's parent and incoming code unit.
  const parent = new Int32Array(totalLength + 1);
  const code = new Uint16Array(totalLength + 1);
  const outputNode = new Int32Array(order.length);
  const path = new Int32Array(longest + 1);
  let nodeCount = 1;
  let previous = '';
  for (let k = 0; k < order.length; k += 1) {
    const key = keys[order[k] as number] as string;
    let common = 0;
    const limit = Math.min(key.length, previous.length);
    while (common < limit && key.charCodeAt(common) === previous.charCodeAt(common)) common += 1;
    for (let i = common; i < key.length; i += 1) {
      parent[nodeCount] = path[i] ?? 0;
      code[nodeCount] = key.charCodeAt(i);
      path[i + 1] = nodeCount;
      nodeCount += 1;
    }
    outputNode[k] = path[key.length] ?? 0;
    previous = key;
  }

  // Pass 2: edge and output counts per node, turned into CSR offsets with a sentinel node.
  const nodes = new Int32Array(2 * (nodeCount + 1));
  for (let n = 1; n < nodeCount; n += 1) {
    const at = 2 * (parent[n] ?? 0) + 2;
    nodes[at] = (nodes[at] ?? 0) + 1;
  }
  for (let k = 0; k < order.length; k += 1) {
    const at = 2 * (outputNode[k] ?? 0) + 3;
    nodes[at] = (nodes[at] ?? 0) + 1;
  }
  for (let n = 1; n <= nodeCount; n += 1) {
    nodes[2 * n] = (nodes[2 * n] ?? 0) + (nodes[2 * n - 2] ?? 0);
    nodes[2 * n + 1] = (nodes[2 * n + 1] ?? 0) + (nodes[2 * n - 1] ?? 0);
  }

  // Pass 3: edges. Children were created in increasing code order, so each node's run is sorted.
  const edgeCodes = new Uint16Array(Math.max(nodeCount - 1, 0));
  const edgeTargets = new Int32Array(Math.max(nodeCount - 1, 0));
  const fill = new Int32Array(nodeCount);
  for (let n = 1; n < nodeCount; n += 1) {
    const p = parent[n] ?? 0;
    const e = (nodes[2 * p] ?? 0) + (fill[p] ?? 0);
    fill[p] = (fill[p] ?? 0) + 1;
    edgeCodes[e] = code[n] ?? 0;
    edgeTargets[e] = n;
  }
  const info = new Int32Array(nodeCount);
  for (let n = 0; n < nodeCount; n += 1) {
    const first = nodes[2 * n] ?? 0;
    const edges = (nodes[2 * n + 2] ?? 0) - first;
    const final = (nodes[2 * n + 3] ?? 0) > (nodes[2 * n + 1] ?? 0) ? FINAL : 0;
    info[n] = final | (edges === 1 ? SINGLE | (edgeCodes[first] ?? 0) : edges > 1 ? BRANCH : 0);
  }
  for (let k = 0; k < order.length; k += 1) {
    const n = outputNode[k] ?? 0;
    if (marked[order[k] ?? 0] === true) info[n] = (info[n] ?? 0) | MARKED;
  }
  // Children have larger ids than their parent (pre-order), so one backward pass spreads the mark up.
  for (let n = nodeCount - 1; n > 0; n -= 1) {
    const p = parent[n] ?? 0;
    if ((info[n] ?? 0) & MARKED) info[p] = (info[p] ?? 0) | MARKED;
  }
  const rootEdges = new Int32Array(0x10000).fill(-1);
  for (let e = nodes[0] ?? 0; e < (nodes[2] ?? 0); e += 1) rootEdges[edgeCodes[e] ?? 0] = edgeTargets[e] ?? -1;

  return { nodeCount, info, nodes, edgeCodes, edgeTargets, rootEdges, keyOf: Int32Array.from(order) };
}

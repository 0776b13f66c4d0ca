/**
 * Attributes of an element as a small read-only map. A `Map` costs about 200 bytes even for one
 * entry, and an array of pairs another 60; a 50 MB XLIFF file has hundreds of thousands of
 * elements, most with one or two attributes, so those two are held in fields and only the rest in
 * an array.
 */

import { appendAll } from '../lists.js';

/** A read-only map of attribute name to value, in document order. */
export class Attributes implements ReadonlyMap<string, string> {
  /** Shared by every element without attributes of a kind. */
  static readonly EMPTY = new Attributes([]);

  private readonly k0: string | undefined;
  private readonly v0: string | undefined;
  private readonly k1: string | undefined;
  private readonly v1: string | undefined;
  /** Names and values past the second attribute, alternating; undefined when there are none. */
  private readonly more: readonly string[] | undefined;
  readonly size: number;

  /** `pairs` alternates names and values: `[name1, value1, name2, value2, …]`. */
  constructor(pairs: readonly string[]) {
    this.k0 = pairs[0];
    this.v0 = pairs[1];
    this.k1 = pairs[2];
    this.v1 = pairs[3];
    this.more = pairs.length > 4 ? pairs.slice(4) : undefined;
    this.size = pairs.length >> 1;
  }

  get(name: string): string | undefined {
    if (this.k0 === name) return this.v0;
    if (this.k1 === name) return this.v1;
    const more = this.more;
    if (more !== undefined) for (let i = 0; i < more.length; i += 2) if (more[i] === name) return more[i + 1];
    return undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    for (const [k, v] of this) callback.call(thisArg, v, k, this);
  }

  *entries(): MapIterator<[string, string]> {
    const pairs = this.pairs();
    for (let i = 0; i < pairs.length; i += 2) yield [pairs[i] as string, pairs[i + 1] as string];
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<string> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  /** This map with the entries of `other` added after its own (for a unit's foreign attributes). */
  concat(other: Attributes): Attributes {
    if (other.size === 0) return this;
    if (this.size === 0) return other;
    return new Attributes([...this.pairs(), ...other.pairs()]);
  }

  /** Names and values, alternating. */
  private pairs(): string[] {
    const out: string[] = [];
    if (this.k0 !== undefined) out.push(this.k0, this.v0 as string);
    if (this.k1 !== undefined) out.push(this.k1, this.v1 as string);
    if (this.more !== undefined) appendAll(out, this.more);
    return out;
  }
}

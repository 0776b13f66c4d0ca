/**
 * Deterministic pseudo-random numbers for the benchmarks (the mulberry32 generator), so every run
 * measures the same generated corpus and glossary.
 */

/** A generator of numbers in [0, 1) from a seed; the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A word made of letters only from a number (0 → "a", 25 → "z", 26 → "ba"), for generated text without digits. */
export function lettersOf(n: number): string {
  let out = '';
  let rest = n;
  do {
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return out;
}

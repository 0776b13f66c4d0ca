/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, or `L10N_BENCH_PROFILE` of the scale benchmark):
 * the functions that took the most time, by self time (the function's own code) and by total time
 * (with what it called), as shares of the whole run.
 *
 * `node dist/pipeline/bench/profile.js <file.cpuprofile> [count]`
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** A function's share of a profile. */
export interface ProfileLine {
  readonly name: string;
  readonly selfMs: number;
  readonly totalMs: number;
}

/** Self and total time per function (named by name, file and line), longest self time first. */
export function summariseProfile(profile: CpuProfile): { totalMs: number; lines: ProfileLine[] } {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const label = (node: ProfileNode): string => {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url === '' ? '' : ` ${path.basename(url)}:${lineNumber + 1}`;
    return `${functionName === '' ? '(anonymous)' : functionName}${file}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const node = byId.get(id);
    if (node === undefined) return;
    self.set(label(node), (self.get(label(node)) ?? 0) + ms);
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      if (n !== undefined) onStack.add(label(n));
    }
    for (const name of onStack) total.set(name, (total.get(name) ?? 0) + ms);
  });
  const lines = [...total.keys()].map((name) => ({ name, selfMs: self.get(name) ?? 0, totalMs: total.get(name) ?? 0 }));
  return { totalMs, lines: lines.sort((a, b) => b.selfMs - a.selfMs) };
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, count = '25'] = process.argv.slice(2);
  if (file === undefined) {
    process.stderr.write('usage: node dist/pipeline/bench/profile.js <file.cpuprofile> [count]\n');
    process.exitCode = 2;
  } else {
    const { totalMs, lines } = summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
    const share = (ms: number): string => `${((ms / totalMs) * 100).toFixed(1).padStart(5)}%`;
    process.stdout.write(`${path.basename(file)}: ${(totalMs / 1000).toFixed(2)} s sampled\nself    total   function\n`);
    for (const line of lines.slice(0, Number(count))) process.stdout.write(`${share(line.selfMs)}  ${share(line.totalMs)}  ${line.name}\n`);
    const byTotal = [...lines].filter((l) => !l.name.startsWith('(')).sort((a, b) => b.totalMs - a.totalMs).slice(0, Number(count));
    process.stdout.write(`\nby total time:\n`);
    for (const line of byTotal) process.stdout.write(`${share(line.totalMs)}  ${line.name}\n`);
  }
}

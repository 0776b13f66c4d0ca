/**
 * Preloaded (`node --import`) into a child `l10n` process by the signal tests, so that a signal
 * arrives at a known point without any timing: the first `rename` (PAUSE_AT=rename) or `read`
 * (PAUSE_AT=read) of a file in the folder PAUSE_IN (absolute) first creates `<PAUSE_GATE>/paused`
 * (holding the path), then waits until `<PAUSE_GATE>/go` exists. The wait blocks the thread, as a
 * large synchronous write does: a rename pause holds the complete temporary file on disk, exactly
 * where Ctrl-C during a write used to leave it behind.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

const at = process.env.PAUSE_AT;
const folder = process.env.PAUSE_IN;
const gate = process.env.PAUSE_GATE;
let paused = false;

function pauseFor(file) {
  if (paused || folder === undefined || gate === undefined || path.dirname(path.resolve(String(file))) !== folder) return;
  paused = true;
  fs.writeFileSync(path.join(gate, 'paused'), String(file));
  const cell = new Int32Array(new SharedArrayBuffer(4));
  while (!fs.existsSync(path.join(gate, 'go'))) Atomics.wait(cell, 0, 0, 10);
}

if (at === 'rename') {
  const renameSync = fs.renameSync;
  fs.renameSync = (from, to) => {
    pauseFor(to);
    return renameSync(from, to);
  };
} else if (at === 'read') {
  const readFileSync = fs.readFileSync;
  fs.readFileSync = (file, ...rest) => {
    if (typeof file === 'string' && file.endsWith('.xlf')) pauseFor(file);
    return readFileSync(file, ...rest);
  };
}
// `import { renameSync } from 'node:fs'` in the pipeline sees the patched functions.
syncBuiltinESMExports();

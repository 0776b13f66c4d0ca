/**
 * Preloaded (`node --import`) into a command the scale benchmark runs as a child process: when the
 * process exits, its peak resident set size (bytes, as the kernel counted it) is written to the
 * file named by `L10N_BENCH_PEAK_FILE`. The command itself runs unchanged.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.L10N_BENCH_PEAK_FILE;
if (file !== undefined && file !== '') {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  });
}

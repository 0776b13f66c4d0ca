/**
 * Preloaded (`node --import`) into a command the scale benchmark runs as a child process: when the
 * process exits, what it used is written as JSON to the file named by `L10N_BENCH_USAGE_FILE`:
 * its peak resident set size in bytes (as the kernel counted it) and its CPU time in milliseconds
 * (user + system, all threads), which a busy machine inflates far less than wall time. The
 * command itself runs unchanged.
 */
import { writeFileSync } from 'node:fs';

/** What a measured command used. */
export interface CommandUsage {
  readonly peakBytes: number;
  readonly cpuMs: number;
}

const file = process.env.L10N_BENCH_USAGE_FILE;
if (file !== undefined && file !== '') {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const report: CommandUsage = { peakBytes: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
    writeFileSync(file, JSON.stringify(report));
  });
}

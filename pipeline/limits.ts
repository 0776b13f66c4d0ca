/**
 * Every limit on the size of what the pipeline reads and writes, with its default, in one place
 * (README.md, "Limits", lists them for users). One environment variable, `L10N_MAX_FILE_MB`,
 * raises or lowers the file size limit for every kind of file at once, so that what one command
 * writes another always reads: `extract` refuses to write an XLIFF file larger than this limit.
 */
import { InputError } from './model.js';

/** The environment variable that raises (or lowers) the largest file the pipeline reads or writes. */
export const MAX_FILE_MB_VARIABLE = 'L10N_MAX_FILE_MB';
/** Default of `L10N_MAX_FILE_MB`: far above any real article, XLIFF, glossary or SRX file. */
export const DEFAULT_MAX_FILE_MB = 100;
/** Default limit of a translation memory file (TMX) when `L10N_MAX_FILE_MB` is not set: memories grow with the archive. */
export const DEFAULT_MAX_MEMORY_FILE_MB = 200;
/** Node reads at most 2 GiB into one buffer: the highest value `L10N_MAX_FILE_MB` takes. */
export const MAX_FILE_MB = 2047;
/** Deepest element nesting an XML file (XLIFF, TMX, TBX, SRX) may have; real files nest fewer than 20 levels. */
export const DEFAULT_MAX_XML_DEPTH = 256;

const MIB = 1024 * 1024;

/**
 * The largest file the pipeline reads or writes, in bytes: `L10N_MAX_FILE_MB` megabytes (a whole
 * number from 1 to 2047); without it `defaultMb` (100; translation memories pass
 * `DEFAULT_MAX_MEMORY_FILE_MB`).
 * @throws InputError (`config/max-file-mb`, fatal: exit 2) for any other value.
 */
export function maxFileBytes(env: Readonly<Record<string, string | undefined>> = process.env, defaultMb = DEFAULT_MAX_FILE_MB): number {
  const raw = env[MAX_FILE_MB_VARIABLE];
  if (raw === undefined) return defaultMb * MIB;
  const mb = /^\d{1,4}$/u.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!(mb >= 1 && mb <= MAX_FILE_MB)) {
    throw new InputError({
      reason: `${MAX_FILE_MB_VARIABLE} must be a whole number of megabytes from 1 to ${MAX_FILE_MB}, got "${raw}"`,
      ruleId: 'config/max-file-mb',
      source: 'config',
      severity: 'error',
      fatal: true,
      actual: raw,
      expected: `1 to ${MAX_FILE_MB}`,
      hint: `Unset it for the default of ${DEFAULT_MAX_FILE_MB} MB, or set e.g. ${MAX_FILE_MB_VARIABLE}=500.`,
    });
  }
  return mb * MIB;
}

/** "100 MB" for a limit in whole megabytes, else its bytes. */
export function describeLimit(bytes: number): string {
  return bytes % MIB === 0 ? `${bytes / MIB} MB` : `${bytes} bytes`;
}

/** What to do about a file above the limit: the variable, its range and a value that would take it. */
export function raiseLimitHint(size: number): string {
  return `set the environment variable ${MAX_FILE_MB_VARIABLE} (megabytes, at most ${MAX_FILE_MB}; default ${DEFAULT_MAX_FILE_MB}), e.g. ${MAX_FILE_MB_VARIABLE}=${Math.min(MAX_FILE_MB, Math.ceil(size / MIB) + 1)}`;
}

/**
 * Options of the review server: meaning, range and default of each, the defaults in one place,
 * checked before the server starts.
 */

export interface ReviewServerOptions {
  /**
   * The reviewer's name: the author of comments and the origin of edited targets.
   * 1–100 characters, no line breaks. Required (the CLI passes the user's name).
   */
  readonly reviewer: string;
  /** TCP port on 127.0.0.1. 0 lets the system pick a free port. Range 0–65535; default 0. */
  readonly port?: number;
  /** Largest request body accepted, in bytes. Range 1,024–16,777,216; default 1,048,576 (1 MiB). */
  readonly maxBodyBytes?: number;
  /** Segments shown at once on the review page (the rest is paged). Range 10–1,000; default 50. */
  readonly pageSize?: number;
  /** The clock that dates comments. Default: the system clock. */
  readonly now?: () => Date;
  /**
   * Told about an error the server did not expect (a defect, not a refused request); the page
   * gets a 500 with a short message. The CLI prints it. Default: ignored.
   */
  readonly onInternalError?: (error: unknown) => void;
}

export type CheckedServerOptions = Required<ReviewServerOptions>;

export const REVIEW_SERVER_DEFAULTS = {
  port: 0,
  maxBodyBytes: 1_048_576,
  pageSize: 50,
  now: (): Date => new Date(),
  onInternalError: (): void => undefined,
} as const;

/** Options that cannot be used; the CLI reports it as a usage error (exit 2). */
export class ReviewOptionsError extends Error {
  override name = 'ReviewOptionsError';
}

/** Fills in the defaults and checks every option; throws ReviewOptionsError with "expected X, got Y". */
export function checkServerOptions(options: ReviewServerOptions): CheckedServerOptions {
  const reviewer: unknown = options.reviewer;
  if (typeof reviewer !== 'string' || reviewer.trim() === '' || reviewer.length > 100 || /[\r\n]/u.test(reviewer)) {
    throw new ReviewOptionsError(`reviewer: expected a name of 1 to 100 characters on one line, got ${JSON.stringify(reviewer)}`);
  }
  const now = options.now ?? REVIEW_SERVER_DEFAULTS.now;
  if (typeof now !== 'function') throw new ReviewOptionsError(`now: expected a function returning a Date, got ${typeof now}`);
  const onInternalError = options.onInternalError ?? REVIEW_SERVER_DEFAULTS.onInternalError;
  if (typeof onInternalError !== 'function') throw new ReviewOptionsError(`onInternalError: expected a function, got ${typeof onInternalError}`);
  return {
    reviewer,
    port: integer('port', options.port, REVIEW_SERVER_DEFAULTS.port, 0, 65_535),
    maxBodyBytes: integer('maxBodyBytes', options.maxBodyBytes, REVIEW_SERVER_DEFAULTS.maxBodyBytes, 1_024, 16_777_216),
    pageSize: integer('pageSize', options.pageSize, REVIEW_SERVER_DEFAULTS.pageSize, 10, 1_000),
    now,
    onInternalError,
  };
}

function integer(name: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ReviewOptionsError(`${name}: expected a whole number from ${min} to ${max}, got ${typeof value === 'number' ? String(value) : JSON.stringify(value)}`);
  }
  return value;
}

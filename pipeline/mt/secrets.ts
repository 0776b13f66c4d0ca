/**
 * API keys: read only from environment variables, and kept out of every message, report and
 * error. Anything the library produces from a provider's answer or a network error passes through
 * a scrubber that replaces the key (and its URL-encoded form) with `[key]`: a server that echoes
 * the request in an error body, or a proxy that puts headers in a message, cannot leak it.
 */
import type { Message } from '../model.js';
import type { MtProviderName } from './types.js';

/** The environment variable holding each provider's key. */
export const KEY_VARIABLES: Readonly<Record<MtProviderName, string>> = {
  deepl: 'DEEPL_AUTH_KEY',
  openai: 'OPENAI_API_KEY',
  libretranslate: 'LIBRETRANSLATE_API_KEY',
};

/** The key of a provider from the environment, trimmed; undefined when unset or blank. */
export function keyFromEnvironment(provider: MtProviderName, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const value = env[KEY_VARIABLES[provider]]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Replaces secrets in text. */
export type Scrub = (text: string) => string;

export const REDACTED = '[key]';

/** A scrubber for the given secrets (empty ones are ignored). */
export function scrubberFor(secrets: readonly (string | undefined)[]): Scrub {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined || secret === '') continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  // Longest first, so a form that contains another is replaced whole.
  const list = [...forms].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const form of list) out = out.split(form).join(REDACTED);
    return out;
  };
}

/** A message with every text field scrubbed. */
export function scrubMessage<M extends Message>(message: M, scrub: Scrub): M {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(message)) out[key] = typeof value === 'string' ? scrub(value) : value;
  return out as M;
}

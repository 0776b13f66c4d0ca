import { describe, expect, it } from 'vitest';
import { errorDetail, retryAfterMs } from '../../pipeline/mt/http.js';
import { PROVIDER_DEFAULTS, resolveMtSettings, type MtSettingsInput } from '../../pipeline/mt/options.js';

describe('settings', () => {
  it('fills each provider\'s defaults', () => {
    const deepl = resolveMtSettings({ provider: 'deepl' });
    expect(deepl.throttle).toEqual(PROVIDER_DEFAULTS.deepl.throttle);
    expect(deepl.batch.maxSegments).toBe(50);
    expect(deepl.checks['qa/inline-codes']).toBe('reject');
    expect(deepl.deepl.targetCodes).toEqual({ en: 'EN-GB', pt: 'PT-PT' });
    const chat = resolveMtSettings({ provider: 'openai' });
    expect(chat.throttle.interval).toBe(60_000);
    expect(chat.openai.model).toBe('gpt-4o-mini');
    expect(resolveMtSettings({ provider: 'libretranslate', throttle: { interval: 100 } }).throttle).toEqual({ concurrency: 2, intervalCap: 30, interval: 100 });
    expect(deepl.checks['qa/terminology']).toBe('flag');
  });

  it('refuses wrong values, saying what was expected and what arrived', () => {
    const refuse = (input: unknown): string => {
      try {
        resolveMtSettings(input as MtSettingsInput);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refuse({ provider: 'google' })).toBe('mt.provider: expected one of "deepl", "openai", "libretranslate", got "google"');
    expect(refuse({ provider: 'deepl', throttle: { concurrency: 0 } })).toBe('mt.throttle.concurrency: expected an integer from 1 to 64, got 0');
    expect(refuse({ provider: 'deepl', batch: { maxSegments: 51 } })).toBe('mt.batch.maxSegments: expected an integer from 1 to 50, got 51');
    expect(refuse({ provider: 'deepl', throttel: {} })).toMatch(/^mt: unknown key "throttel": did you mean `throttle`\?/u);
    expect(refuse({ provider: 'deepl', checks: { 'qa/numbers': 'warn' } })).toBe('mt.checks.qa/numbers: expected one of "reject", "flag", "off", got "warn"');
    expect(refuse({ provider: 'deepl', endpoint: 'ftp://example.org' })).toBe('mt.endpoint: expected an http:// or https:// URL, got "ftp://example.org"');
    expect(refuse({ provider: 'openai', openai: { temperature: 3 } })).toBe('mt.openai.temperature: expected a number from 0 to 2, got 3');
  });

  it('refuses a key written into the endpoint URL, without repeating it', () => {
    const message = (() => {
      try {
        resolveMtSettings({ provider: 'libretranslate', endpoint: 'https://user:s3cret-key@translate.example.org' });
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/without user name or password/u);
    expect(message).not.toContain('s3cret-key');
  });
});

describe('Retry-After', () => {
  const headers = (init: Record<string, string>): Headers => new Headers(init);
  it('reads seconds, an HTTP date, and Azure\'s retry-after-ms', () => {
    expect(retryAfterMs(headers({ 'Retry-After': '3' }))).toBe(3000);
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(retryAfterMs(headers({ 'Retry-After': 'Wed, 21 Oct 2015 07:28:05 GMT' }), now)).toBe(5000);
    expect(retryAfterMs(headers({ 'retry-after-ms': '250', 'Retry-After': '1' }))).toBe(250);
  });
  it('takes a date in the past as no wait, and ignores what it cannot read', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(retryAfterMs(headers({ 'Retry-After': 'Wed, 21 Oct 2015 07:27:00 GMT' }), now)).toBe(0);
    expect(retryAfterMs(headers({ 'Retry-After': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(headers({}))).toBeUndefined();
  });
  it('takes a provider\'s error text from the usual JSON shapes', () => {
    expect(errorDetail('{"message":"Quota exceeded"}')).toBe('Quota exceeded');
    expect(errorDetail('{"error":{"message":"You exceeded your current quota","code":"insufficient_quota"}}')).toBe('You exceeded your current quota');
    expect(errorDetail('{"error":"Slowdown: 30 per 1 minute"}')).toBe('Slowdown: 30 per 1 minute');
    expect(errorDetail('')).toBeUndefined();
  });
});

import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../pipeline/read/index.js';

describe('readSource', () => {
  it('refuses a source larger than the limit by its size on disk (2.5 GB, sparse), naming the limit, never as unreadable', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'l10n-read-'));
    try {
      writeFileSync(path.join(root, 'huge.txt'), '');
      truncateSync(path.join(root, 'huge.txt'), 2.5 * 1024 ** 3);
      expect(() => readSource({ root, path: 'huge.txt', language: 'de' })).toThrow(
        expect.objectContaining({ detail: expect.objectContaining({ ruleId: 'read/too-large', hint: expect.stringContaining('L10N_MAX_FILE_MB') }) }),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('says a missing source does not exist', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'l10n-read-'));
    try {
      expect(() => readSource({ root, path: 'gone.txt', language: 'de' })).toThrow(
        expect.objectContaining({ detail: expect.objectContaining({ ruleId: 'read/io', reason: 'the source document does not exist' }) }),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

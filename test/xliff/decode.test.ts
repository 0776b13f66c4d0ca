import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/model.js';
import { decodeXmlBytes, firstInvalidUtf8 } from '../../pipeline/xliff/decode.js';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('decodeXmlBytes', () => {
  it('decodes UTF-8 with and without BOM', () => {
    expect(decodeXmlBytes(bytes(0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xbc), 'f')).toEqual({ text: 'aü', encoding: 'utf-8', bom: true });
    expect(decodeXmlBytes(bytes(0x61), 'f')).toEqual({ text: 'a', encoding: 'utf-8', bom: false });
  });

  it('decodes UTF-16 in both byte orders when there is a BOM', () => {
    expect(decodeXmlBytes(bytes(0xff, 0xfe, 0x61, 0x00, 0xfc, 0x00), 'f').text).toBe('aü');
    expect(decodeXmlBytes(bytes(0xfe, 0xff, 0x00, 0x61, 0x00, 0xfc), 'f').text).toBe('aü');
  });

  it('reports the byte offset and line of invalid UTF-8', () => {
    try {
      decodeXmlBytes(bytes(0x61, 0x0a, 0x62, 0xe4, 0x63), 'f.xlf');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).detail).toMatchObject({ ruleId: 'xliff/invalid-utf8', line: 2, actual: '0xE4 at byte 3', file: 'f.xlf' });
    }
  });

  it('finds overlong forms, surrogates, truncated sequences and values past U+10FFFF', () => {
    expect(firstInvalidUtf8(bytes(0xc0, 0xaf))).toBe(0);
    expect(firstInvalidUtf8(bytes(0x61, 0xed, 0xa0, 0x80))).toBe(1);
    expect(firstInvalidUtf8(bytes(0x61, 0x62, 0xe2, 0x82))).toBe(2);
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(new TextEncoder().encode('Grüße 🎉 €'))).toBe(-1);
  });

  it('refuses broken UTF-16', () => {
    expect(() => decodeXmlBytes(bytes(0xff, 0xfe, 0x00, 0xd8, 0x61, 0x00), 'f')).toThrow(/not valid UTF-16LE/u);
  });
});

/**
 * Bytes to text for XLIFF files: the shared XML decoder (`pipeline/xml/decode.ts`) with XLIFF's
 * rule ids and hints. Kept for callers that want a whole file as one string.
 */
import { decodeXmlBytes as decodeWith, type Decoded } from '../xml/index.js';
import { XLIFF_FORMAT } from './format.js';

export { firstInvalidUtf8, type Decoded } from '../xml/index.js';

/** Decodes an XLIFF file's bytes, or throws an InputError (`xliff/invalid-utf8` …) saying where the first bad byte is. */
export function decodeXmlBytes(bytes: Uint8Array, file: string): Decoded {
  return decodeWith(bytes, file, XLIFF_FORMAT);
}

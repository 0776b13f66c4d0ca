/**
 * The project's one safe XML parser, shared by every reader of XML (XLIFF, TMX, TBX, and SRX):
 * saxes with DOCTYPE refusal, depth and size limits, strict UTF-8/UTF-16 decoding with byte
 * offsets, positions and namespace resolution, errors named by the format being read.
 *
 * Two levels: `parseXml` reports start tags, end tags and text to a handler (for readers that
 * build their own structures, like the SRX reader); `parseXmlTree` builds a small tree with hooks
 * (for readers that interpret element by element, like the XLIFF and TMX readers).
 *
 * And its one writer (`write.ts`): `el` builds elements, `renderDocument` writes them with the
 * escaping and indentation every XML file of the project shares (XLIFF, TMX, TBX).
 */
export { parseXml, type XmlAttribute, type XmlHandler, type XmlProlog, type XmlStartTag } from './parse.js';
export { parseXmlTree, elementsOf, textOf, type ParsedTree, type TreeHooks, type XmlTreeElement, type XmlTreeText } from './tree.js';
export { Attributes } from './attributes.js';
export { decodeXmlBytes, decodeXmlChunks, firstInvalidUtf8, type Decoded, type DecodedChunks, type XmlEncoding } from './decode.js';
export { defaultHint, ruleIdOf, xmlError, type XmlPlace } from './errors.js';
export {
  checkLimits,
  resolveXmlOptions,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  type DoctypePolicy,
  type ResolvedXmlOptions,
  type SafeXmlOptions,
  type XmlFormat,
  type XmlProblem,
} from './options.js';
export { detach, Interner, VOCABULARY } from './strings.js';
export { el, renderDocument, escapeText, escapeAttr, replaceUnwritable, assertXmlChars, type XmlElement, type XmlNode, type RenderOptions } from './write.js';

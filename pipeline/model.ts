/**
 * The model every stage shares, in one import: the source document (`model/document.ts`), inline
 * codes (`model/codes.ts`), what translators' files say about each sentence (`model/target.ts`)
 * and messages (`model/message.ts`).
 */
export * from './model/document.js';
export * from './model/codes.js';
export * from './model/target.js';
export * from './model/message.js';
export * from './model/untranslatable.js';

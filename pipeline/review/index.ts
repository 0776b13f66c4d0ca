/**
 * Review in the browser: the view model, the store contract, the server and the static report.
 * See README.md "Review".
 */
export * from './view.js';
export * from './store.js';
export { applyAction, sameContent, type ActionOutcome } from './apply.js';
export { createMemoryStore, type MemoryStore, type MemoryStoreOptions } from './memory-store.js';
export { checkServerOptions, REVIEW_SERVER_DEFAULTS, ReviewOptionsError, type ReviewServerOptions } from './options.js';
export { startReviewServer, type ReviewServer } from './server.js';
export { serveReview, type ServeIo, type ServeOutcome } from './serve.js';
export { renderReport, contentPieces, codeToken, describeTerm, type ContentPiece } from './report.js';
export { parseActionBody, WireError, type ActionBody } from './wire.js';

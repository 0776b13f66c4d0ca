/**
 * The machine translation benchmark's provider: the tests' fake DeepL server, run in a worker
 * thread so that, as with a real provider, answering requests does not take the client's thread.
 * It allows `cap` requests in any `interval` (429 beyond) and fails `failureRate` of the translate
 * requests at random (seeded): 500, a dropped connection, or a body that is not JSON.
 *
 * Messages: it posts `{ url }` when listening; on `'stats'` it posts `{ requests, rateLimited }`;
 * on `'close'` it closes and posts `'closed'`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startFakeDeepL } from '../../test/mt/fake-deepl.js';
import { seededRandom } from './random.js';

export interface MtServerOptions {
  readonly key: string;
  readonly cap: number;
  readonly interval: number;
  readonly failureRate: number;
  readonly seed: number;
}

if (parentPort !== null) {
  const port = parentPort;
  const options = workerData as MtServerOptions;
  const server = await startFakeDeepL(options.key, { rateLimit: { cap: options.cap, interval: options.interval } });
  const random = seededRandom(options.seed);
  server.fault = (request) => {
    if (request.path !== '/v2/translate' || random() >= options.failureRate) return undefined;
    const pick = random();
    return pick < 0.4 ? { kind: 'status', status: 500 } : pick < 0.7 ? { kind: 'drop' } : { kind: 'malformed' };
  };
  port.on('message', (message: unknown) => {
    if (message === 'stats') port.postMessage({ requests: server.requests.length, rateLimited: server.rateLimited });
    if (message === 'close') void server.close().then(() => port.postMessage('closed'));
  });
  port.postMessage({ url: server.url });
}

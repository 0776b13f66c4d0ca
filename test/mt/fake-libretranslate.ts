/**
 * A fake LibreTranslate `/translate` on 127.0.0.1: `q` as a string or a list, `format: "html"`,
 * `api_key` checked when the server has one ("Invalid API key", 403), errors as `{"error": …}`.
 */
import { fakeTranslate, startFakeServer, type FakeServer, type FakeServerOptions, type RecordedRequest } from './fake-server.js';

export interface FakeLibreTranslate extends FakeServer {
  readonly bodies: { q: string | string[]; source: string; target: string; format?: string; api_key?: string }[];
}

export async function startFakeLibreTranslate(options: FakeServerOptions & { readonly key?: string } = {}): Promise<FakeLibreTranslate> {
  const bodies: FakeLibreTranslate['bodies'] = [];
  const handle = (request: RecordedRequest) => {
    if (request.method !== 'POST' || request.path !== '/translate') return { status: 404, body: { error: 'Not Found' } };
    const body = JSON.parse(request.body) as FakeLibreTranslate['bodies'][number];
    bodies.push(body);
    if (options.key !== undefined && body.api_key !== options.key) return { status: 403, body: { error: 'Invalid API key' } };
    if (body.format !== 'html' && body.format !== 'text' && body.format !== undefined) return { status: 400, body: { error: `${body.format} format is not supported` } };
    if (body.q === undefined || (Array.isArray(body.q) && body.q.length === 0)) return { status: 400, body: { error: 'Invalid request: missing q parameter' } };
    const translatedText = Array.isArray(body.q) ? body.q.map((q) => fakeTranslate(q)) : fakeTranslate(body.q);
    return { status: 200, body: { translatedText } };
  };
  const server = await startFakeServer(handle, options);
  return Object.assign(server, { bodies });
}

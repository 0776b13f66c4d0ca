/**
 * A fake OpenAI-compatible `/v1/chat/completions` on 127.0.0.1. Like a model that follows the
 * bundled prompt, it reads the glossary lines ("- Kreml → Kremlin") and the segments line
 * (`{"segments":[…]}`) of the user message and answers `{"translations":[{"id","text"}]}`. Its
 * `mode` makes it misbehave the way models do.
 */
import { fakeTranslate, startFakeServer, type FakeServer, type FakeServerOptions, type RecordedRequest } from './fake-server.js';

export type ModelMode = 'ok' | 'prose' | 'missing-first' | 'duplicate-first' | 'unknown-id' | 'cut-off' | 'fenced' | 'drop-tags' | 'no-choices';

export interface FakeChat extends FakeServer {
  mode: ModelMode;
  /** The parsed request bodies. */
  readonly bodies: { model: string; messages: { role: string; content: string }[]; response_format?: unknown; temperature?: number }[];
}

export async function startFakeChat(options: FakeServerOptions & { readonly key?: string; readonly header?: 'authorization' | 'api-key' } = {}): Promise<FakeChat> {
  let self: FakeChat | undefined;
  const handle = (request: RecordedRequest) => {
    const state = self!;
    if (options.key !== undefined) {
      const given = options.header === 'api-key' ? request.headers['api-key'] : request.headers.authorization;
      const expected = options.header === 'api-key' ? options.key : `Bearer ${options.key}`;
      if (given !== expected) return { status: 401, body: { error: { message: `Incorrect API key provided: ${String(given)}`, type: 'invalid_request_error', code: 'invalid_api_key' } } };
    }
    if (request.method !== 'POST' || !request.path.startsWith('/v1/chat/completions')) return { status: 404, body: { error: { message: 'not found' } } };
    const body = JSON.parse(request.body) as FakeChat['bodies'][number];
    state.bodies.push(body);
    const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
    const glossary: [string, string][] = [];
    for (const line of user.split('\n')) {
      const m = /^- (.+?) → (.+?)(?: or .*?)?(?:; never: .*?)?(?: \(note: .*\))?$/u.exec(line);
      if (m !== null) glossary.push([m[1]!, m[2]!]);
    }
    const segmentsLine = user.split('\n').find((l) => l.startsWith('{"segments":'));
    const segments = segmentsLine === undefined ? [] : (JSON.parse(segmentsLine) as { segments: { id: string; text: string }[] }).segments;
    let translations = segments.map((s) => ({ id: s.id, text: fakeTranslate(s.text, glossary) }));
    if (state.mode === 'missing-first') translations = translations.slice(1);
    if (state.mode === 'duplicate-first' && translations[0] !== undefined) translations = [translations[0], ...translations];
    if (state.mode === 'unknown-id') translations = translations.map((t, i) => (i === 0 ? { ...t, id: 'not-a-segment' } : t));
    if (state.mode === 'drop-tags') translations = translations.map((t) => ({ ...t, text: t.text.replace(/<[^>]*>/gu, '') }));
    let content = JSON.stringify({ translations });
    if (state.mode === 'prose') content = `Sure! Here are the translations: ${translations.map((t) => t.text).join(' / ')}`;
    if (state.mode === 'fenced') content = '```json\n' + content + '\n```';
    if (state.mode === 'no-choices') return { status: 200, body: { id: 'x', choices: [] } };
    const finish = state.mode === 'cut-off' ? 'length' : 'stop';
    if (state.mode === 'cut-off') content = content.slice(0, Math.floor(content.length / 2));
    return { status: 200, body: { id: 'chatcmpl-1', object: 'chat.completion', model: body.model, choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finish }] } };
  };
  const server = await startFakeServer(handle, options);
  self = Object.assign(server, { mode: 'ok' as ModelMode, bodies: [] });
  return self;
}

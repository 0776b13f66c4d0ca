/**
 * A fake DeepL API v2 on 127.0.0.1: `/v2/translate` (JSON body, `DeepL-Auth-Key` header, up to 50
 * texts, `glossary_id` applied to the text), `/v2/glossaries` (list, create from TSV, get, delete),
 * and 456 once a character quota is used up. What it does not know, it refuses with 400.
 */
import { randomUUID } from 'node:crypto';
import { fakeTranslate, startFakeServer, type FakeServer, type FakeServerOptions, type RecordedRequest } from './fake-server.js';

export interface FakeGlossary {
  readonly glossary_id: string;
  readonly name: string;
  readonly source_lang: string;
  readonly target_lang: string;
  readonly entries: ReadonlyMap<string, string>;
}

export interface FakeDeepL extends FakeServer {
  readonly glossaries: Map<string, FakeGlossary>;
  /** Characters translated so far. */
  characters: number;
  /** 456 once this many characters are translated. */
  quota: number;
  /** The bodies of translate requests, parsed. */
  readonly translateBodies: Record<string, unknown>[];
}

export async function startFakeDeepL(key: string, options: FakeServerOptions & { readonly quota?: number; readonly echoKeyInErrors?: boolean } = {}): Promise<FakeDeepL> {
  const glossaries = new Map<string, FakeGlossary>();
  const translateBodies: Record<string, unknown>[] = [];
  let self: FakeDeepL | undefined;
  const handle = (request: RecordedRequest) => {
    const state = self!;
    if (request.headers.authorization !== `DeepL-Auth-Key ${key}`) {
      // Like a careless proxy: the refused header comes back in the message.
      return { status: 403, body: { message: options.echoKeyInErrors === true ? `Authorization failed for header ${request.headers.authorization ?? ''}` : 'Authorization failed' } };
    }
    const body = request.body === '' ? {} : (JSON.parse(request.body) as Record<string, unknown>);
    if (request.method === 'POST' && request.path === '/v2/translate') {
      translateBodies.push(body);
      const texts = body.text;
      if (!Array.isArray(texts) || texts.length === 0 || texts.length > 50) return { status: 400, body: { message: 'Parameter text: 1 to 50 texts' } };
      if (Buffer.byteLength(request.body) > 128 * 1024) return { status: 413, body: { message: 'Request Entity Too Large' } };
      const glossary = typeof body.glossary_id === 'string' ? glossaries.get(body.glossary_id) : undefined;
      if (typeof body.glossary_id === 'string' && glossary === undefined) return { status: 400, body: { message: 'Glossary not found' } };
      const length = (texts as string[]).reduce((n, t) => n + [...t.replace(/<[^>]*>/gu, '')].length, 0);
      if (state.characters + length > state.quota) {
        return { status: 456, body: { message: options.echoKeyInErrors === true ? `Quota exceeded for key ${key}` : 'Quota exceeded' } };
      }
      state.characters += length;
      return { status: 200, body: { translations: (texts as string[]).map((t) => ({ detected_source_language: 'DE', text: fakeTranslate(t, glossary === undefined ? [] : [...glossary.entries]) })) } };
    }
    if (request.path === '/v2/glossaries' && request.method === 'GET') {
      return { status: 200, body: { glossaries: [...glossaries.values()].map(({ entries, ...g }) => ({ ...g, ready: true, entry_count: entries.size })) } };
    }
    if (request.path === '/v2/glossaries' && request.method === 'POST') {
      if (body.entries_format !== 'tsv' || typeof body.entries !== 'string' || typeof body.name !== 'string') return { status: 400, body: { message: 'bad glossary' } };
      const entries = new Map<string, string>();
      for (const line of body.entries.split('\n')) {
        const [source, target] = line.split('\t');
        if (source === undefined || target === undefined || entries.has(source)) return { status: 400, body: { message: `bad entry: ${line}` } };
        entries.set(source, target);
      }
      const glossary: FakeGlossary = { glossary_id: randomUUID(), name: body.name, source_lang: String(body.source_lang), target_lang: String(body.target_lang), entries };
      glossaries.set(glossary.glossary_id, glossary);
      const { entries: _, ...rest } = glossary;
      return { status: 201, body: { ...rest, ready: true, entry_count: entries.size } };
    }
    const one = /^\/v2\/glossaries\/([^/]+)$/u.exec(request.path);
    if (one !== null) {
      const glossary = glossaries.get(decodeURIComponent(one[1]!));
      if (glossary === undefined) return { status: 404, body: { message: 'Not found' } };
      if (request.method === 'DELETE') {
        glossaries.delete(glossary.glossary_id);
        return { status: 204 };
      }
      const { entries, ...rest } = glossary;
      return { status: 200, body: { ...rest, ready: true, entry_count: entries.size } };
    }
    return { status: 404, body: { message: 'Not found' } };
  };
  const server = await startFakeServer(handle, options);
  self = Object.assign(server, { glossaries, characters: 0, quota: options.quota ?? Number.POSITIVE_INFINITY, translateBodies });
  return self;
}

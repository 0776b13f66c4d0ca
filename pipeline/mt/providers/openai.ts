/**
 * OpenAI-compatible chat completions (`POST …/chat/completions`): OpenAI, Azure OpenAI, Ollama,
 * vLLM, LM Studio. Each batch is one prompt (prompt.ts) carrying the batch's glossary terms with
 * approved targets, forbidden renderings and notes, the neighbouring sentences, and the segments
 * with their codes as tags; the model is asked for `{"translations":[{"id","text"}]}`.
 *
 * A body that is not JSON is retried like a server error. A well-formed reply whose content is not
 * the JSON asked for (prose, cut off at the token limit, missing or repeated ids) is a rejection of
 * the segments concerned, never a crash, and is not cached: the next run asks again.
 *
 * An exhausted quota is a 429 whose error code is `insufficient_quota`: the run stops instead of
 * retrying.
 */
import type { Message } from '../../model.js';
import { MalformedAnswer, genericVerdict } from '../client.js';
import { errorDetail, type HttpResponse } from '../http.js';
import type { MtSettings } from '../options.js';
import { loadPromptTemplate, renderPrompt, type PromptTemplate } from '../prompt.js';
import { distinctEntries } from '../terms.js';
import { jsonBody, type ItemAnswer, type MtProvider } from './provider.js';

export const OPENAI_URL = 'https://api.openai.com/v1/chat/completions';

function rejection(id: string, reason: string, hint: string): Message {
  return { reason, ruleId: 'mt/malformed-answer', source: 'mt', severity: 'error', unit: id, hint };
}

/** The JSON a model wrote, without the code fences some models add anyway. */
function parseContent(content: string): unknown {
  const trimmed = content.trim().replace(/^```(?:json)?\s*/u, '').replace(/\s*```$/u, '');
  return JSON.parse(trimmed) as unknown;
}

export function createOpenAiProvider(settings: MtSettings, key: string | undefined, template: PromptTemplate = loadPromptTemplate(settings.openai.promptTemplate)): MtProvider {
  const { openai } = settings;
  const url = settings.endpoint ?? OPENAI_URL;
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (key !== undefined) {
    if (openai.auth === 'api-key') headers['api-key'] = key;
    else headers.Authorization = `Bearer ${key}`;
  }

  const judge = (response: HttpResponse) => {
    let code: unknown;
    try {
      const error = (JSON.parse(response.text) as { error?: { code?: unknown; type?: unknown } }).error;
      code = error?.code ?? error?.type;
    } catch {
      code = undefined;
    }
    const detail = errorDetail(response.text);
    if (code === 'insufficient_quota') {
      return {
        kind: 'stop' as const,
        ruleId: 'mt/quota',
        reason: `the chat model's quota is used up (${response.status} insufficient_quota)${detail === undefined ? '' : `: ${detail}`}`,
        hint: 'add credit or raise the project limit at the provider; what was translated is kept and will not be sent again',
      };
    }
    if (code === 'context_length_exceeded') return { kind: 'too-large' as const, reason: `the prompt is longer than the model takes${detail === undefined ? '' : `: ${detail}`}` };
    return genericVerdict(response.status, 'the chat model', detail);
  };

  return {
    name: 'openai',
    label: 'the chat model',
    maxBodyBytes: 1024 * 1024,
    contextCharacters: openai.maxContextCharacters,
    model() {
      return openai.model;
    },
    request(batch, pair) {
      const terms = distinctEntries(batch.items.flatMap((i) => i.segment.terms ?? []));
      const prompt = renderPrompt(template, {
        sourceLanguage: pair.sourceLanguage,
        targetLanguage: pair.targetLanguage,
        segments: batch.items.map((i) => ({ id: i.segment.id, text: i.markup })),
        terms,
        context: batch.context,
      });
      const body = {
        model: openai.model,
        messages: [...(prompt.system === '' ? [] : [{ role: 'system', content: prompt.system }]), { role: 'user', content: prompt.user }],
        temperature: openai.temperature,
        ...(openai.jsonMode === 'json_object' ? { response_format: { type: 'json_object' } } : {}),
      };
      return { method: 'POST', url, headers, body: JSON.stringify(body) };
    },
    read(batch, response): ItemAnswer[] {
      const body = jsonBody(response) as { choices?: { message?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown }[] };
      const choice = Array.isArray(body.choices) ? body.choices[0] : undefined;
      if (choice === undefined || typeof choice !== 'object' || choice === null) throw new MalformedAnswer('the reply has no choices');
      const rejectAll = (reason: string, hint: string): ItemAnswer[] => batch.items.map((i) => ({ key: i.key, rejected: rejection(i.segment.id, reason, hint) }));
      const content = choice.message?.content;
      if (typeof content !== 'string') {
        const refusal = typeof choice.message?.refusal === 'string' ? `: ${choice.message.refusal}` : '';
        return rejectAll(`the model gave no text${refusal}`, 'the segment is left for a translator');
      }
      if (choice.finish_reason === 'length') return rejectAll('the model\'s answer was cut off at its token limit', 'lower mt.batch.maxSegments or mt.batch.maxCharacters');
      let parsed: unknown;
      try {
        parsed = parseContent(content);
      } catch {
        return rejectAll('the model did not answer with JSON', 'check the prompt template, or use a model that follows JSON instructions (mt.openai.jsonMode)');
      }
      const list = (parsed as { translations?: unknown } | null)?.translations;
      if (!Array.isArray(list)) return rejectAll('the model\'s JSON has no "translations" list', 'check the prompt template: the answer must be {"translations":[{"id","text"}]}');
      const byId = new Map<string, string[]>();
      for (const entry of list) {
        const id = (entry as { id?: unknown } | null)?.id;
        const text = (entry as { text?: unknown } | null)?.text;
        if ((typeof id !== 'string' && typeof id !== 'number') || typeof text !== 'string') continue;
        byId.set(String(id), [...(byId.get(String(id)) ?? []), text]);
      }
      return batch.items.map((item): ItemAnswer => {
        const texts = byId.get(item.segment.id) ?? [];
        if (texts.length === 1) return { key: item.key, answer: texts[0]! };
        if (texts.length === 0) return { key: item.key, rejected: rejection(item.segment.id, 'the model\'s answer has no translation for this segment', 'the segment is asked again on the next run') };
        return { key: item.key, rejected: rejection(item.segment.id, `the model answered this segment ${texts.length} times`, 'the segment is asked again on the next run') };
      });
    },
    judge,
  };
}

/**
 * The prompt for chat models: a template file (the bundled `prompts/chat.txt`, or the user's own
 * through `mt.openai.promptTemplate`) with a `[system]` and a `[user]` section and placeholders
 * that each batch fills in: the language names, the glossary terms of the batch with their approved
 * targets, forbidden renderings and notes, the neighbouring sentences, and the segments as one line
 * of JSON. The template is checked when it is loaded; a mistake is reported with its line and column.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../model.js';
import { bundledFile } from '../paths.js';
import { closest } from '../suggest.js';
import type { MtTermEntry } from './types.js';

export const PLACEHOLDERS = ['sourceLanguage', 'targetLanguage', 'glossary', 'context', 'segments'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

export const BUNDLED_PROMPT = 'pipeline/mt/prompts/chat.txt';

export interface PromptTemplate {
  /** Where it came from, for messages. */
  readonly file: string;
  readonly system: string;
  readonly user: string;
}

function templateError(file: string, line: number, column: number, reason: string, hint: string): InputError {
  return new InputError({ reason, ruleId: 'mt/prompt-template', source: 'mt', severity: 'error', fatal: true, file, line, column, hint });
}

/** Reads a template's text; throws an InputError at the line and column of the first mistake. */
export function parsePromptTemplate(text: string, file: string): PromptTemplate {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  lines.forEach((line, index) => {
    const header = /^\[([^\]]*)\]\s*$/u.exec(line);
    if (header !== null) {
      const name = header[1] ?? '';
      if (name !== 'system' && name !== 'user') {
        const suggestion = closest(name, ['system', 'user']);
        throw templateError(file, index + 1, 1, `unknown section [${name}]${suggestion === undefined ? '' : `: did you mean [${suggestion}]?`}`, 'a template has a [system] and a [user] section');
      }
      if (sections.has(name)) throw templateError(file, index + 1, 1, `the section [${name}] appears twice`, 'keep one of them');
      current = [];
      sections.set(name, current);
      return;
    }
    if (current === undefined) {
      if (line.trim() === '' || line.startsWith('#')) return;
      throw templateError(file, index + 1, 1, 'text before the first section', 'start the prompt with a [system] or [user] line; lines before it may only be comments (#)');
    }
    for (const match of line.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/gu)) {
      const name = match[1] ?? '';
      if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
        const suggestion = closest(name, PLACEHOLDERS);
        throw templateError(file, index + 1, (match.index ?? 0) + 1, `unknown placeholder {{${name}}}${suggestion === undefined ? '' : `: did you mean {{${suggestion}}}?`}`, `placeholders: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`);
      }
    }
    current.push(line);
  });
  const user = sections.get('user');
  if (user === undefined || user.join('').trim() === '') throw templateError(file, lines.length, 1, 'the template has no [user] section', 'add a [user] section holding {{segments}}');
  const system = (sections.get('system') ?? []).join('\n').trim();
  const userText = user.join('\n').trim();
  if (!/\{\{\s*segments\s*\}\}/u.test(system + '\n' + userText)) throw templateError(file, lines.length, 1, 'the template has no {{segments}} placeholder', 'the segments to translate go where {{segments}} stands');
  return { file, system, user: userText };
}

/** Loads a template file (absolute path), or the bundled one. */
export function loadPromptTemplate(file?: string, display: string = file ?? BUNDLED_PROMPT): PromptTemplate {
  let text: string;
  try {
    text = readFileSync(file ?? bundledFile(BUNDLED_PROMPT), 'utf8');
  } catch (error) {
    throw new InputError({
      reason: `the prompt template cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      ruleId: 'mt/prompt-template',
      source: 'mt',
      severity: 'error',
      fatal: true,
      file: display,
      hint: 'check mt.openai.promptTemplate',
    });
  }
  return parsePromptTemplate(text, display);
}

/** "German (de)"; the tag alone when the runtime knows no name for it. */
export function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag);
    return name === undefined || name === tag ? tag : `${name} (${tag})`;
  } catch {
    return tag;
  }
}

/** One line per term: approved targets, forbidden renderings, note. */
export function glossaryLines(terms: readonly MtTermEntry[]): string {
  if (terms.length === 0) return '(none)';
  return terms
    .map((t) => {
      const note = t.note === undefined ? '' : ` (note: ${t.note})`;
      if (t.dnt === true) return `- ${t.source}: keep as written${note}`;
      const targets = t.targets.length === 0 ? '(no approved translation)' : t.targets.join(' or ');
      const never = (t.forbidden ?? []).length === 0 ? '' : `; never: ${(t.forbidden ?? []).join(', ')}`;
      return `- ${t.source} → ${targets}${never}${note}`;
    })
    .join('\n');
}

export interface PromptInput {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly segments: readonly { readonly id: string; readonly text: string }[];
  readonly terms: readonly MtTermEntry[];
  readonly context: readonly string[];
}

/** The two messages for a batch. Values are inserted in one pass, so text that looks like a placeholder stays text. */
export function renderPrompt(template: PromptTemplate, input: PromptInput): { system: string; user: string } {
  const values: Record<Placeholder, string> = {
    sourceLanguage: languageName(input.sourceLanguage),
    targetLanguage: languageName(input.targetLanguage),
    glossary: glossaryLines(input.terms),
    context: input.context.length === 0 ? '(none)' : input.context.map((c) => `- ${c}`).join('\n'),
    segments: JSON.stringify({ segments: input.segments.map((s) => ({ id: s.id, text: s.text })) }),
  };
  const fill = (text: string): string => text.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/gu, (_m, name: string) => values[name as Placeholder]);
  return { system: fill(template.system), user: fill(template.user) };
}

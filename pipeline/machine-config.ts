/**
 * The `mt:` section of `l10n.config.yaml`, and the settings of a machine translation run made from
 * it and the `translate` command's flags (`--provider`, `--url`, `--model`).
 *
 * The fields, their meaning, range and default are the library's (`MtSettings`,
 * `pipeline/mt/options.ts`), checked by its `resolveMtSettings` in one place; this module puts its
 * verdict at the line and column of the field in the config, or names the flag a value came from,
 * and keeps API keys out of the config: a key-like field is refused with the environment variable
 * to use instead, and no message ever repeats a field's value.
 */
import { isMap, isScalar, type Document as YamlDocument, type Node as YamlNode } from 'yaml';
import { resolveInside } from './files.js';
import { InputError } from './model.js';
import { resolveMtSettings, type MtSettings } from './mt/options.js';
import { KEY_VARIABLES } from './mt/secrets.js';
import { MT_PROVIDERS, type MtProviderName } from './mt/types.js';
import type { YamlPlace, YamlReport } from './yaml-check.js';

/** A place in the config file. */
export interface ConfigPlace {
  readonly line?: number;
  readonly column?: number;
}

/** The `mt:` section as written, checked, and where each of its fields is. */
export interface MachineSection {
  /** The section as plain data (`provider`, `endpoint`, `throttle`, … as in `MtSettingsInput`). */
  readonly input: Readonly<Record<string, unknown>>;
  /** Place of each field's value by path (`mt.throttle.interval`), and of its key under `<path>#key`. */
  readonly places: ReadonlyMap<string, ConfigPlace>;
}

/** What the command line says about a run; each overrides the config. */
export interface MachineOverrides {
  /** `--provider`: `deepl`, `openai` or `libretranslate`. */
  readonly provider?: string;
  /** `--url`: the endpoint (`mt.endpoint`). */
  readonly endpoint?: string;
  /** `--model`: the chat model (`mt.openai.model`) or DeepL's `model_type` (`mt.deepl.modelType`). */
  readonly model?: string;
}

/** Field names that hold secrets, which belong in the environment, never in a committed file. */
const SECRET_KEY = /(?:^|[-_.])?(?:api[-_]?key|auth[-_]?key|access[-_]?key|key|token|secret|password|passwd|bearer|credentials?)$/iu;

/** The key and value nodes of a path below the document root (`['mt', 'throttle', 'interval']`). */
function nodesAt(doc: YamlDocument, path: readonly string[]): { key: YamlNode | undefined; value: YamlNode | undefined } {
  let value: unknown = doc.contents;
  let key: YamlNode | undefined;
  for (const name of path) {
    if (!isMap(value)) return { key, value: undefined };
    const pair = value.items.find((p) => isScalar(p.key) && String(p.key.value) === name);
    if (pair === undefined) return { key: undefined, value: undefined };
    key = pair.key as YamlNode;
    value = pair.value;
  }
  return { key, value: (value ?? undefined) as YamlNode | undefined };
}

/** Every field of a mapping with its path, depth first. */
function* fields(node: unknown, path: string): Generator<{ path: string; name: string; key: YamlNode; value: YamlNode | null }> {
  if (!isMap(node)) return;
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const at = `${path}.${name}`;
    yield { path: at, name, key: pair.key as YamlNode, value: (pair.value ?? null) as YamlNode | null };
    yield* fields(pair.value, at);
  }
}

/** The variables keys come from, for a hint: the provider's, or all of them. */
function keyVariables(provider: unknown): string {
  return typeof provider === 'string' && (MT_PROVIDERS as readonly string[]).includes(provider)
    ? KEY_VARIABLES[provider as MtProviderName]
    : MT_PROVIDERS.map((p) => KEY_VARIABLES[p]).join(', ');
}

/** Splits a `resolveMtSettings` error into the field's path, the unknown key it names (if any) and the rest. */
function parseSettingsError(message: string): { path: string; unknownKey: string | undefined } | undefined {
  const match = /^(mt(?:\.[^\s:]+)*): (?:unknown key "([^"]*)")?/u.exec(message);
  if (match === null) return undefined;
  return { path: match[1] ?? 'mt', unknownKey: match[2] };
}

/**
 * Checks the `mt:` section of a config document (called by the config's checker, which already
 * made sure it is a mapping): key-like fields, then every value with the library's checker (with
 * the config's provider, or with the most permissive one when the provider comes from the command
 * line). Records where each field is. Returns undefined when there is no section.
 */
export function readMachineSection(doc: YamlDocument, report: YamlReport, place: YamlPlace): MachineSection | undefined {
  const { value: section } = nodesAt(doc, ['mt']);
  if (!isMap(section)) return undefined;
  const places = new Map<string, ConfigPlace>([['mt', place(section)]]);
  const input = section.toJSON() as Record<string, unknown>;
  let secrets = 0;
  for (const field of fields(section, 'mt')) {
    places.set(field.path, place(field.value ?? field.key));
    places.set(`${field.path}#key`, place(field.key));
    if (SECRET_KEY.test(field.name)) {
      secrets += 1;
      report(
        field.key,
        `${field.path}: API keys are never read from the config`,
        `set ${keyVariables(input.provider)} in the environment (or the CI secret store) and delete this line: l10n.config.yaml is committed and shared`,
        'config/mt-key',
      );
    }
  }
  if (secrets > 0) return { input, places };
  try {
    resolveMtSettings({ ...input, provider: input.provider ?? 'libretranslate' } as Parameters<typeof resolveMtSettings>[0]);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const parsed = parseSettingsError(error.message);
    const path = parsed === undefined ? ['mt'] : parsed.path.split('.');
    const nodes = nodesAt(doc, parsed?.unknownKey === undefined ? path : [...path, parsed.unknownKey]);
    report((parsed?.unknownKey === undefined ? nodes.value : nodes.key) ?? nodes.key ?? section, error.message, 'README.md, "Machine translation", lists every field of mt:');
  }
  const template = input.openai !== null && typeof input.openai === 'object' ? (input.openai as Record<string, unknown>).promptTemplate : undefined;
  if (typeof template === 'string' && !/^(?!\/)(?![A-Za-z]:)(?!(?:.*\/)?\.\.(?:\/|$))[^\\\0]+$/u.test(template)) {
    report(nodesAt(doc, ['mt', 'openai', 'promptTemplate']).value ?? section, 'mt.openai.promptTemplate: expected a path relative to the project root, with forward slashes and without ".."');
  }
  return { input, places };
}

/** Which flag set a field, for messages about values from the command line. */
const FLAG_OF: Readonly<Record<string, string>> = {
  'mt.provider': '--provider',
  'mt.endpoint': '--url',
  'mt.openai.model': '--model',
  'mt.deepl.modelType': '--model',
};

/** A value from the command line is wrong: the command reports it as a usage error (exit 2). */
export class MachineFlagError extends Error {
  override name = 'MachineFlagError';
}

/**
 * The settings of a run: the config's `mt:` section with the command line's overrides, checked.
 *
 * @throws MachineFlagError for a wrong flag value; InputError (`config/mt`, fatal, with the field's
 *   line and column) for a wrong config value, or when no provider is named anywhere.
 */
export function resolveMachineSettings(config: { readonly file: string; readonly root: string; readonly mt: MachineSection | undefined }, overrides: MachineOverrides = {}): MtSettings {
  const section = config.mt;
  const input: Record<string, unknown> = { ...(section?.input ?? {}) };
  const fromFlags = new Set<string>();
  if (overrides.provider !== undefined) {
    input.provider = overrides.provider;
    fromFlags.add('mt.provider');
  }
  if (overrides.endpoint !== undefined) {
    input.endpoint = overrides.endpoint;
    fromFlags.add('mt.endpoint');
  }
  if (input.provider === undefined) {
    throw new InputError({
      reason: 'no machine translation provider: neither --provider nor mt.provider in l10n.config.yaml names one',
      ruleId: 'config/mt',
      source: 'config',
      severity: 'error',
      fatal: true,
      file: config.file,
      hint: `pass --provider ${MT_PROVIDERS.join('|')}, or set mt.provider in l10n.config.yaml`,
    });
  }
  if (overrides.model !== undefined) {
    if (input.provider === 'openai') {
      input.openai = { ...(input.openai as Record<string, unknown> | undefined), model: overrides.model };
      fromFlags.add('mt.openai.model');
    } else if (input.provider === 'deepl') {
      input.deepl = { ...(input.deepl as Record<string, unknown> | undefined), modelType: overrides.model };
      fromFlags.add('mt.deepl.modelType');
    } else if (typeof input.provider === 'string' && (MT_PROVIDERS as readonly string[]).includes(input.provider)) {
      throw new MachineFlagError(`--model: ${input.provider} has no model to choose; only openai (the chat model) and deepl (model_type) take one`);
    }
  }
  const openai = input.openai as Record<string, unknown> | undefined;
  if (typeof openai?.promptTemplate === 'string') {
    input.openai = { ...openai, promptTemplate: resolveInside(config.root, openai.promptTemplate, 'mt.openai.promptTemplate', config.file) };
  }
  try {
    return resolveMtSettings(input as unknown as Parameters<typeof resolveMtSettings>[0]);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const parsed = parseSettingsError(error.message);
    const flag = parsed === undefined ? undefined : FLAG_OF[parsed.path];
    if (flag !== undefined && fromFlags.has(parsed?.path ?? '')) throw new MachineFlagError(error.message.replace(/^[^:]+:/u, `${flag}:`));
    const place = parsed === undefined ? undefined : (section?.places.get(parsed.unknownKey === undefined ? parsed.path : `${parsed.path}.${parsed.unknownKey}#key`) ?? section?.places.get(parsed.path));
    throw new InputError({
      reason: error.message,
      ruleId: 'config/mt',
      source: 'config',
      severity: 'error',
      fatal: true,
      file: config.file,
      ...(place ?? {}),
      hint: 'README.md, "Machine translation", lists every field of mt:',
    });
  }
}

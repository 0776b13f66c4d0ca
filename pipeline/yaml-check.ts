/**
 * A small declarative schema for YAML files read with the document API: it checks a node tree
 * precisely and reports each mistake at its node (the caller turns nodes into line and column),
 * with what was expected, what arrived and, for a near miss, "did you mean …?".
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document as YamlDocument, type Node as YamlNode } from 'yaml';
import { InputError, type Message } from './model.js';
import { closest } from './suggest.js';

/** What a node of the checked YAML must be. */
export type FieldType =
  | { readonly type: 'string'; readonly pattern?: RegExp; readonly describe?: string }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'list'; readonly of: FieldType; readonly minItems?: number }
  | { readonly type: 'object'; readonly fields: Readonly<Record<string, FieldType>> }
  | {
      readonly type: 'map';
      readonly keyPattern: RegExp;
      readonly keyDescribe: string;
      /** Keys to suggest for one that does not match ("did you mean …?"). */
      readonly keySuggestions?: readonly string[];
      readonly of: FieldType;
    }
  | { readonly type: 'null-or'; readonly of: FieldType }
  /** `false`, or what `of` says (i18next's `keySeparator: false`). */
  | { readonly type: 'false-or'; readonly of: FieldType }
  | { readonly type: 'number'; readonly min?: number; readonly max?: number }
  | { readonly type: 'boolean' }
  /** A mapping whose content another checker judges (with `readCheckedYaml`'s `more`); returned as plain data. */
  | { readonly type: 'mapping' };

/** Checks a YAML node against a schema; returns plain data, or records messages and returns undefined. */
export function checkYaml(node: YamlNode | null, schema: FieldType, where: string, report: (node: YamlNode | null, reason: string, hint?: string) => void): unknown {
  const describeNode = (n: YamlNode | null): string =>
    n === null ? 'nothing' : isMap(n) ? 'a mapping' : isSeq(n) ? 'a list' : isScalar(n) ? `${typeof n.value === 'string' ? `"${n.value}"` : String(n.value)}`
      : isAlias(n) ? `the alias *${n.source} (aliases are not expanded; write the value out)` : 'a value';
  // The path of the node, as a prefix of the reason ("policies.untranslated: …"); none at the top.
  const at = where === '' ? '' : `${where}: `;
  switch (schema.type) {
    case 'null-or':
      if (node === null || (isScalar(node) && node.value === null)) return undefined;
      return checkYaml(node, schema.of, where, report);
    case 'false-or':
      if (isScalar(node) && node.value === false) return false;
      return checkYaml(node, schema.of, where, report);
    case 'string':
      if (!isScalar(node) || typeof node.value !== 'string') {
        report(node, `${at}expected ${schema.describe ?? 'a string'}, got ${describeNode(node)}`);
        return undefined;
      }
      if (schema.pattern !== undefined && !schema.pattern.test(node.value)) {
        report(node, `${at}expected ${schema.describe ?? 'a string'}, got "${node.value}"`);
        return undefined;
      }
      return node.value;
    case 'number': {
      const value = isScalar(node) ? node.value : undefined;
      const ok = typeof value === 'number' && Number.isFinite(value) && (schema.min === undefined || value >= schema.min) && (schema.max === undefined || value <= schema.max);
      if (!ok) {
        const range = schema.min !== undefined && schema.max !== undefined ? ` from ${schema.min} to ${schema.max}` : schema.min !== undefined ? ` of at least ${schema.min}` : '';
        report(node, `${at}expected a number${range}, got ${describeNode(node)}`);
        return undefined;
      }
      return value;
    }
    case 'mapping':
      if (!isMap(node)) {
        report(node, `${at}expected a mapping, got ${describeNode(node)}`);
        return undefined;
      }
      return node.toJSON() as unknown;
    case 'boolean':
      if (!isScalar(node) || typeof node.value !== 'boolean') {
        report(node, `${at}expected true or false, got ${describeNode(node)}`);
        return undefined;
      }
      return node.value;
    case 'enum': {
      const value = isScalar(node) ? String(node.value) : undefined;
      if (value === undefined || !schema.values.includes(value)) {
        const suggestion = value === undefined ? undefined : closest(value, schema.values);
        report(node, `${at}expected one of ${schema.values.map((v) => `"${v}"`).join(', ')}, got ${describeNode(node)}${suggestion === undefined ? '' : `: did you mean \`${suggestion}\`?`}`);
        return undefined;
      }
      return value;
    }
    case 'list': {
      if (!isSeq(node)) {
        report(node, `${at}expected a list, got ${describeNode(node)}`);
        return undefined;
      }
      if (schema.minItems !== undefined && node.items.length < schema.minItems) {
        report(node, `${at}expected at least ${schema.minItems} item(s), got ${node.items.length}`);
      }
      return node.items.map((item, i) => checkYaml(item as YamlNode, schema.of, `${where}[${i}]`, report));
    }
    case 'object':
    case 'map': {
      if (!isMap(node)) {
        report(node, `${at}expected a mapping, got ${describeNode(node)}`);
        return undefined;
      }
      const out = new Map<string, unknown>();
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode;
        const key = isScalar(keyNode) ? String(keyNode.value) : '';
        const valueNode = (pair.value ?? null) as YamlNode | null;
        if (schema.type === 'object') {
          const field = schema.fields[key];
          if (!Object.hasOwn(schema.fields, key) || field === undefined) {
            const suggestion = closest(key, Object.keys(schema.fields));
            report(keyNode, `${at}unknown key "${key}"${suggestion === undefined ? '' : `: did you mean \`${suggestion}\`?`}`,
              `expected one of ${Object.keys(schema.fields).join(', ')}`);
            continue;
          }
          out.set(key, checkYaml(valueNode, field, where === '' ? key : `${where}.${key}`, report));
        } else {
          if (!schema.keyPattern.test(key)) {
            const suggestion = closest(key, schema.keySuggestions ?? []);
            report(keyNode, `${at}expected ${schema.keyDescribe}, got "${key}"${suggestion === undefined ? '' : `: did you mean \`${suggestion}\`?`}`);
            continue;
          }
          out.set(key, checkYaml(valueNode, schema.of, `${where}.${key}`, report));
        }
      }
      return out;
    }
  }
}

/** What `readCheckedYaml` needs besides the text. */
export interface CheckedYamlOptions {
  /** Names the file in messages. */
  readonly file: string;
  /** Rule ids are `<area>/syntax` and `<area>/schema`; messages come from the stage `source`. */
  readonly area: string;
  readonly source: string;
  /**
   * Further checks on the parsed document, reported the same way (a rule id of their own is
   * allowed); `place` gives a node's line and column, for checks that report later.
   */
  readonly more?: (doc: YamlDocument, report: YamlReport, place: YamlPlace) => void;
  /** The hint when a problem brings none. */
  readonly hint: string;
  /** What to say when the file holds nothing. */
  readonly empty: string;
}

/** How a checker reports a problem at a node. */
export type YamlReport = (node: YamlNode | null, reason: string, hint?: string, ruleId?: string) => void;

/** Where a node starts: 1-based line and column (both absent for a node without a place). */
export type YamlPlace = (node: YamlNode | null | undefined) => { line?: number; column?: number };

/**
 * Parses YAML text with a LineCounter and checks it against `schema`: YAML syntax errors, then
 * schema problems, each at its line and column. Returns the checked data, or throws one
 * InputError (fatal) for the first problem, counting the others in its reason.
 */
export function readCheckedYaml(text: string, schema: FieldType, options: CheckedYamlOptions): Map<string, unknown> {
  const { file, area, source } = options;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Message[] = [];
  const at = (offset: number | undefined): { line?: number; column?: number } => {
    if (offset === undefined) return {};
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  for (const error of doc.errors) {
    problems.push({ reason: `YAML syntax: ${error.message.split('\n')[0] ?? error.code}`, ruleId: `${area}/syntax`, source, severity: 'error', file, ...at(error.pos[0]) });
  }
  const report: YamlReport = (node, reason, hint, ruleId = `${area}/schema`) => {
    problems.push({ reason, ruleId, source, severity: 'error', file, ...at(node?.range?.[0]), ...(hint === undefined ? {} : { hint }) });
  };
  let data: Map<string, unknown> | undefined;
  if (problems.length === 0) {
    data = checkYaml(doc.contents as YamlNode | null, schema, '', report) as Map<string, unknown> | undefined;
    options.more?.(doc, report, (node) => at(node?.range?.[0]));
  }
  const first = problems[0];
  if (first !== undefined || data === undefined) {
    throw new InputError({
      ...(first ?? { reason: options.empty, ruleId: `${area}/schema`, source, severity: 'error', file }),
      fatal: true,
      hint: first?.hint ?? options.hint,
      ...(problems.length > 1 ? { reason: `${first?.reason} (and ${problems.length - 1} more problem(s))` } : {}),
    });
  }
  return data;
}

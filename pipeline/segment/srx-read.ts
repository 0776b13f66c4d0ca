/**
 * Reading an SRX 2.0 file: XML → language rules and language maps with their positions.
 *
 * The XML is parsed with the project's safe parser (`pipeline/xml/`: saxes, which never fetches DTDs
 * or external entities; a DOCTYPE is refused outright so no internal entity can expand either; a
 * nesting and a size limit). Each `<rule>` and `<languagemap>` is
 * handed to `srx-compile.ts` as soon as it closes, so the first unusable regex is reported with
 * its file, line and column, in document order with the XML errors.
 */
import { InputError } from '../model.js';
import { parseXml, type XmlFormat, type XmlStartTag } from '../xml/index.js';
import { compileLanguageMap, compileRule, type SrxLanguageMap, type SrxRule } from './srx-compile.js';

/** A `<languagerule>`: an ordered list of rules. */
export interface SrxLanguageRule {
  readonly name: string;
  readonly rules: readonly SrxRule[];
  readonly line: number;
  readonly column: number;
}

/** A parsed SRX document. */
export interface SrxDocument {
  /** File name used in messages. */
  readonly file: string;
  /** `<header segmentsubflows>`; kept for completeness, plain text has no subflows. */
  readonly segmentSubflows: boolean;
  /** `<header cascade>`: when true, every matching language map contributes its rules in order. */
  readonly cascade: boolean;
  readonly languageRules: ReadonlyMap<string, SrxLanguageRule>;
  readonly maps: readonly SrxLanguageMap[];
}

const SOURCE = 'segment';

/**
 * Parses SRX 2.0 text into a document with compiled rules. Throws `InputError` for malformed XML,
 * a DOCTYPE, a wrong root or version, a missing or bad attribute, a duplicate language rule, a
 * map to an undefined language rule, or an unusable regex.
 */
export function readSrx(xml: string | Uint8Array, file: string): SrxDocument {
  const builder = new SrxBuilder(file);
  parseXml(xml, { file, format: SRX_FORMAT, namespaces: false }, {
    open: (tag) => builder.open(tag),
    close: (tag) => builder.close(tag.name),
    text: (text) => builder.text(text),
  });
  return builder.finish();
}

/** SRX as the XML layer names it: its problems keep the rule ids `segment/srx-…` they always had. */
const SRX_FORMAT: XmlFormat = {
  rulePrefix: 'segment',
  source: SOURCE,
  name: 'SRX',
  ruleNames: {
    doctype: 'srx-doctype',
    'not-well-formed': 'srx-malformed',
    'too-deep': 'srx-too-deep',
    'too-large': 'srx-too-large',
    empty: 'srx-not-srx',
    encoding: 'srx-malformed',
    'invalid-utf8': 'srx-malformed',
    'invalid-encoding': 'srx-malformed',
  },
  hints: {
    doctype: 'Remove the <!DOCTYPE …> declaration.',
    'not-well-formed': 'Fix the XML syntax of the SRX file.',
    empty: 'Use an SRX 2.0 file.',
  },
};

/** Collects elements into an SrxDocument while saxes reports them. */
class SrxBuilder {
  private readonly stack: string[] = [];
  private segmentSubflows = true;
  private cascade = false;
  private sawRoot = false;
  private readonly languageRules = new Map<string, SrxLanguageRule>();
  private readonly maps: SrxLanguageMap[] = [];
  private currentRuleSet: { name: string; rules: SrxRule[]; line: number; column: number } | undefined;
  private currentRule: { break: boolean; before: string; after: string; line: number; column: number } | undefined;
  /** Which regex element we are inside, and where its text starts. */
  private regexElement: 'beforebreak' | 'afterbreak' | undefined;
  private regexText = '';

  constructor(private readonly file: string) {}

  error(ruleId: string, reason: string, line: number, column: number, hint: string): InputError {
    return new InputError({ reason, ruleId, source: SOURCE, severity: 'error', fatal: true, file: this.file, line, column, hint });
  }

  open(tag: XmlStartTag): void {
    const { line, column } = tag;
    const name = localName(tag.name);
    const parent = this.stack[this.stack.length - 1];
    this.stack.push(name);
    const attr = (key: string): string | undefined => tag.attributes.find((a) => a.name === key)?.value;
    if (parent === undefined) {
      if (name !== 'srx') throw this.error('segment/srx-not-srx', `Expected the root element <srx>, got <${tag.name}>.`, line, column, 'Use an SRX 2.0 file.');
      const version = attr('version');
      if (version !== undefined && version !== '2.0') {
        throw this.error('segment/srx-version', `Expected SRX version 2.0, got "${version}".`, line, column, 'Convert the file to SRX 2.0.');
      }
      this.sawRoot = true;
      return;
    }
    switch (name) {
      case 'header':
        this.segmentSubflows = yesNo(attr('segmentsubflows'), true, (v) => this.badYesNo('segmentsubflows', v, line, column));
        this.cascade = yesNo(attr('cascade'), false, (v) => this.badYesNo('cascade', v, line, column));
        return;
      case 'languagerule': {
        const ruleName = attr('languagerulename');
        if (ruleName === undefined || ruleName === '') {
          throw this.error('segment/srx-missing-attribute', '<languagerule> needs a languagerulename attribute.', line, column, 'Name the language rule.');
        }
        this.currentRuleSet = { name: ruleName, rules: [], line, column };
        return;
      }
      case 'rule':
        if (this.currentRuleSet === undefined) return;
        this.currentRule = {
          break: yesNo(attr('break'), true, (v) => this.badYesNo('break', v, line, column)),
          before: '',
          after: '',
          line,
          column,
        };
        return;
      case 'beforebreak':
      case 'afterbreak':
        if (this.currentRule === undefined) return;
        this.regexElement = name;
        this.regexText = '';
        return;
      case 'languagemap':
        this.addMap(attr('languagepattern'), attr('languagerulename'), line, column);
        return;
      default:
        // formathandle, maprules, body, languagerules and unknown extensions carry nothing we use.
        return;
    }
  }

  text(text: string): void {
    if (this.regexElement !== undefined) this.regexText += text;
  }

  close(rawName: string): void {
    const name = localName(rawName);
    this.stack.pop();
    if ((name === 'beforebreak' || name === 'afterbreak') && this.currentRule !== undefined && this.regexElement === name) {
      if (name === 'beforebreak') this.currentRule.before = this.regexText;
      else this.currentRule.after = this.regexText;
      this.regexElement = undefined;
    } else if (name === 'rule' && this.currentRule !== undefined && this.currentRuleSet !== undefined) {
      const r = this.currentRule;
      const set = this.currentRuleSet;
      set.rules.push(compileRule({ ...r, languageRule: set.name, index: set.rules.length + 1, file: this.file }));
      this.currentRule = undefined;
    } else if (name === 'languagerule' && this.currentRuleSet !== undefined) {
      const set = this.currentRuleSet;
      if (this.languageRules.has(set.name)) {
        throw this.error('segment/srx-duplicate-rule', `Language rule "${set.name}" is defined twice.`, set.line, set.column, 'Give each <languagerule> its own name.');
      }
      this.languageRules.set(set.name, { name: set.name, rules: set.rules, line: set.line, column: set.column });
      this.currentRuleSet = undefined;
    }
  }

  finish(): SrxDocument {
    if (!this.sawRoot) throw this.error('segment/srx-not-srx', 'The file has no <srx> element.', 1, 1, 'Use an SRX 2.0 file.');
    for (const map of this.maps) {
      if (!this.languageRules.has(map.ruleName)) {
        throw this.error(
          'segment/srx-unknown-rule',
          `<languagemap> refers to language rule "${map.ruleName}", which the file does not define.`,
          map.line,
          map.column,
          `Define <languagerule languagerulename="${map.ruleName}"> or fix the name.`,
        );
      }
    }
    return { file: this.file, segmentSubflows: this.segmentSubflows, cascade: this.cascade, languageRules: this.languageRules, maps: this.maps };
  }

  private addMap(pattern: string | undefined, ruleName: string | undefined, line: number, column: number): void {
    if (pattern === undefined || ruleName === undefined) {
      throw this.error('segment/srx-missing-attribute', '<languagemap> needs languagepattern and languagerulename attributes.', line, column, 'Add both attributes.');
    }
    this.maps.push(compileLanguageMap({ pattern, ruleName, file: this.file, line, column }));
  }

  private badYesNo(attribute: string, value: string, line: number, column: number): never {
    throw this.error('segment/srx-bad-attribute', `Expected ${attribute}="yes" or "no", got "${value}".`, line, column, `Write ${attribute}="yes" or ${attribute}="no".`);
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function yesNo(value: string | undefined, fallback: boolean, bad: (value: string) => never): boolean {
  if (value === undefined) return fallback;
  if (value === 'yes') return true;
  if (value === 'no') return false;
  return bad(value);
}


/**
 * A translator in a test: fills the targets of an XLIFF 1.2 file as our exporter writes it, unit
 * by unit, the way a CAT tool saves them (a `<target>` after the `<source>`, a state).
 */

/** One unit as the translator sees it. */
export interface UnitView {
  readonly id: string;
  /** `resname`: a software string's key. */
  readonly resname: string | undefined;
  /** The source's inner XML: text with its inline code elements (`<ph>`, `<bpt>`, …) and term markers. */
  readonly source: string;
  /** The target's inner XML, when the unit has one. */
  readonly target: string | undefined;
  /** The target's state, when it has one. */
  readonly state: string | undefined;
}

/** What the translator does with a unit: a new target (inner XML) and state, or nothing. */
export type Translator = (unit: UnitView) => { readonly target: string; readonly state?: string } | undefined;

const UNIT = /<trans-unit ([^>]*)>([\s\S]*?)<\/trans-unit>/gu;
const SOURCE = /<source xml:space="preserve">([\s\S]*?)<\/source>|<source xml:space="preserve"\/>/u;
const TARGET = /<target state="([^"]*)" xml:space="preserve">([\s\S]*?)<\/target>|<target state="([^"]*)" xml:space="preserve"\/>/u;

/** An attribute's value, its XML escapes decoded. */
const attribute = (attributes: string, name: string): string | undefined => {
  const raw = new RegExp(`\\b${name}="([^"]*)"`, 'u').exec(attributes)?.[1];
  return raw?.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&apos;/gu, "'").replace(/&amp;/gu, '&');
};

/** The units of a 1.2 file as our writer writes them. */
export function unitsOf(xliff: string): UnitView[] {
  return [...xliff.matchAll(UNIT)].map((m) => {
    const attributes = m[1] as string;
    const body = m[2] as string;
    const source = SOURCE.exec(body);
    const target = TARGET.exec(body);
    return {
      id: attribute(attributes, 'id') ?? '',
      resname: attribute(attributes, 'resname'),
      source: source?.[1] ?? '',
      target: target === null ? undefined : (target[2] ?? ''),
      state: target === null ? undefined : (target[1] ?? target[3]),
    };
  });
}

/** Applies a translator to every unit of a 1.2 file; the rest of the file stays as it was. */
export function fillXliff(xliff: string, translate: Translator): string {
  return xliff.replace(UNIT, (whole, attributes: string, body: string) => {
    const unit = unitsOf(whole)[0];
    if (unit === undefined) return whole;
    const done = translate(unit);
    if (done === undefined) return whole;
    const target = `<target state="${done.state ?? 'translated'}" xml:space="preserve">${done.target}</target>`;
    const withoutOld = body.replace(TARGET, '');
    const next = withoutOld.replace(/(<\/source>|<source xml:space="preserve"\/>)/u, `$1${target}`);
    // A confirmed target is approved no more than the state says: drop an approval left from before.
    return `<trans-unit ${attributes.replace(/\s*approved="[^"]*"/u, '')}>${next}</trans-unit>`;
  });
}

/** The source's inner XML without term markers: what a translator copies into the target. */
export function withoutTermMarks(inner: string): string {
  return inner.replace(/<mrk[^>]*>|<\/mrk>/gu, '');
}

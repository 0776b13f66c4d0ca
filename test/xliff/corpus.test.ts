/**
 * Files shaped the way other CAT tools write XLIFF (test/fixtures/xliff/corpus/, see its README):
 * each is either imported with every unit, segment and target accounted for, or refused with an
 * InputError that has a rule id, a line and a hint. The expected lists below are written by hand
 * from the fixtures, never taken from the reader's output. Every file also goes through
 * `l10n inspect --json`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, type TargetState } from '../../pipeline/model.js';
import { readXliff, type ReadVersion } from '../../pipeline/xliff/index.js';
import { tempProject, type TempProject } from '../helpers/project.js';

const CORPUS = path.resolve('test/fixtures/xliff/corpus');

/** [segment id, source text, target text (undefined: no target element), state, needs review]. */
type Seg = readonly [string | undefined, string, string | undefined, TargetState, boolean];
interface Unit {
  readonly id: string;
  readonly segments: readonly Seg[];
  readonly translate?: false;
}
interface Case {
  readonly file: string;
  readonly tool: string;
  readonly version: string;
  /** What the tool does differently, and what the reader makes of it. */
  readonly differs: string;
}
interface Imported extends Case {
  readonly outcome: 'import';
  readonly xliff: ReadVersion;
  readonly files: number;
  readonly units: readonly Unit[];
  /** Rule ids of the reader's warnings, in order. */
  readonly warnings?: readonly string[];
}
interface Refused extends Case {
  readonly outcome: 'refuse';
  readonly rule: string;
  readonly line: number;
}

const u = (id: string, ...segments: Seg[]): Unit => ({ id, segments });
const whole = (source: string, target: string | undefined, state: TargetState, review = false): Seg => [undefined, source, target, state, review];
const seg = (id: string, source: string, target: string | undefined, state: TargetState, review = false): Seg => [id, source, target, state, review];

const CASES: ReadonlyArray<Imported | Refused> = [
  {
    file: 'trados-studio.sdlxliff', tool: 'Trados Studio', version: '2022 (.sdlxliff)', outcome: 'import', xliff: '1.2', files: 1,
    differs: 'sdl: namespace, <doc-info> before <file>, tag-defs in the header, a structure unit with translate="no", <seg-source>/<mrk mtype="seg"> with text between segments, no XLIFF state: the confirmation level is <sdl:seg conf> per segment (read as our states), x-sdl-comment markers, tracked changes (x-sdl-added/x-sdl-deleted), an empty segment marker for an untranslated segment',
    warnings: ['xliff/tracked-changes'],
    units: [
      { ...u('0f9c7d1e-1111-4a2b-8c3d-000000000001', whole('', undefined, 'initial')), translate: false },
      u('7c1e6a52-2222-4a2b-8c3d-000000000002',
        seg('1', 'Am Montag regnet es in Hamburg.', 'On Monday it rains in Hamburg.', 'final'),
        seg('2', 'Der Wind kommt aus Westen.', 'The wind comes from the west.', 'translated', true)),
      u('7c1e6a52-3333-4a2b-8c3d-000000000003', seg('3', 'Im Norden bleibt es trocken.', 'In the north it stays dry.', 'reviewed')),
      u('7c1e6a52-4444-4a2b-8c3d-000000000004', seg('4', 'Am Abend frischt der Wind auf.', 'In the evening the wind picks up.', 'translated', true)),
      u('7c1e6a52-5555-4a2b-8c3d-000000000005', seg('5', 'Die Temperaturen steigen auf zwölf Grad.', 'Temperatures climb to twelve degrees.', 'translated', true)),
      u('7c1e6a52-6666-4a2b-8c3d-000000000006', seg('6', 'Am Wochenende wird es wärmer.', '', 'initial')),
      u('7c1e6a52-7777-4a2b-8c3d-000000000007', seg('7', 'Deutscher Wetterdienst', 'German Weather Service', 'translated')),
    ],
  },
  {
    file: 'memoq.mqxliff', tool: 'memoQ', version: '10 (.mqxliff)', outcome: 'import', xliff: '1.2', files: 1,
    differs: 'mq: namespace; no XLIFF state on targets, the row status is mq:status (read as our states); bpt/ept holding "{}"; an empty self-closed target for a row not started',
    units: [
      u('1', whole('Der Zug fährt um acht Uhr ab.', 'The train leaves at eight o\'clock.', 'translated')),
      u('2', whole('Bitte steigen Sie vorne ein.', 'Please board at the fro', 'translated', true)),
      u('3', whole('Der Speisewagen ist geöffnet.', 'The dining car is open.', 'reviewed')),
      u('4', whole('Nächster Halt: Kassel.', 'Next stop: Kassel.', 'final')),
      u('5', whole('Wir wünschen Ihnen eine gute Reise.', '', 'initial')),
      u('6', whole('Deutsche Bahn', 'Deutsche Bahn', 'translated', true)),
    ],
  },
  {
    file: 'phrase.mxliff', tool: 'Phrase (Memsource)', version: 'MXLIFF (XLIFF 1.2)', outcome: 'import', xliff: '1.2', files: 1,
    differs: 'm: namespace with m:confirmed/m:score/m:trans-origin on each trans-unit (confirmed read as translated, unconfirmed work marked for review), paragraph groups with m:para-id, machine translation as <alt-trans>, m:tunit-metadata',
    units: [
      u('Jt5vQ:0', whole('Den Ofen auf 200 Grad vorheizen.', 'Preheat the oven to 200 degrees.', 'translated')),
      u('Jt5vQ:1', whole('Die Butter schaumig rühren.', 'Cream the butter.', 'translated', true)),
      u('Jt5vQ:2', whole('Eier nacheinander unterheben.', '', 'initial')),
      u('Jt5vQ:3', whole('Guten Appetit!', 'Enjoy your meal!', 'translated')),
    ],
  },
  {
    file: 'phrase-2.xlf', tool: 'Phrase', version: 'XLIFF 2.0 export', outcome: 'import', xliff: '2.0', files: 1,
    differs: '<originalData> with <pc dataRefStart/dataRefEnd> and <ph dataRef>, segment states, an <ignorable> between segments, an untranslated segment without <target>',
    units: [
      u('u1', seg('1', 'Klicken Sie auf Speichern.', 'Click Save.', 'translated')),
      u('u2', seg('2', 'Die Änderungen werden sofort übernommen.', 'The changes take effect at once.', 'reviewed'), seg('3', 'Ein Neustart ist nicht nötig.', undefined, 'initial')),
    ],
  },
  {
    file: 'omegat.xlf', tool: 'OmegaT', version: '6 (XLIFF 1.2 filter)', outcome: 'import', xliff: '1.2', files: 1,
    differs: 'CRLF, no BOM, no final newline; a translated target whose state was never updated (needs-translation, read as initial here and as translated by matchTranslations), an untouched copy of the source with state="new"',
    units: [
      u('s1a2b3c4d5e6f', whole('Im April blühen die Kirschbäume.', 'In April the cherry trees blossom.', 'initial')),
      u('s2b3c4d5e6f70', whole('Der Rasen braucht jetzt viel Wasser.', 'Der Rasen braucht jetzt viel Wasser.', 'initial')),
      u('s3c4d5e6f7081', whole('Schnecken lieben junge Salatpflanzen.', 'Snails love young lettuce plants.', 'translated')),
    ],
  },
  {
    file: 'omegat-2.xlf', tool: 'OmegaT', version: '6 (XLIFF 2 through the Okapi filter)', outcome: 'import', xliff: '2.0', files: 1,
    differs: 'no indentation, segment states left at "initial" after translation, an untouched copy of the source',
    units: [
      u('b1',
        seg('s1a2b3c4d5e6f', 'Im April blühen die Kirschbäume.', 'In April the cherry trees blossom.', 'initial'),
        seg('s2b3c4d5e6f70', 'Der Rasen braucht jetzt viel Wasser.', 'Der Rasen braucht jetzt viel Wasser.', 'initial')),
    ],
  },
  {
    file: 'okapi-tikal.xlf', tool: 'Okapi Tikal / Rainbow', version: '1.46 (XLIFF 1.2 filter)', outcome: 'import', xliff: '1.2', files: 1,
    differs: 'okp:, its: and itsxlf: namespaces, xml:space on trans-unit, xml:lang on source/target, <seg-source> with mids starting at 0 in every unit, text between segment markers, bpt/ept with escaped HTML, <alt-trans okp:matchType>, translate="no", <mrk mtype="protected">',
    units: [
      u('tu1', seg('0', 'Öffnungszeiten', 'Opening hours', 'translated')),
      u('tu2', seg('0', 'Das Museum ist montags geschlossen.', 'The museum is closed on Mondays.', 'translated'), seg('1', 'Der Eintritt ist frei.', 'Admission is free.', 'translated')),
      { ...u('tu3', whole('© 2024 Stadtmuseum', undefined, 'initial')), translate: false },
      u('tu4', whole('Führungen gibt es auf Deutsch und Englisch.', 'Guided tours are offered in German and English.', 'translated', true)),
    ],
  },
  {
    file: 'matecat.xliff', tool: 'MateCat', version: 'converter output (XLIFF 1.2)', outcome: 'import', xliff: '1.2', files: 1,
    differs: 'the original file base64 in <header><reference><internal-file>, xsi:schemaLocation, <seg-source> segmentation that splits one unit in two, state signed-off, an empty segment marker for an untranslated segment',
    units: [
      u('0', seg('0', 'Unser Hotel liegt direkt am See.', 'Our hotel is right on the lake.', 'reviewed'), seg('1', 'Alle Zimmer haben einen Balkon.', 'Every room has a balcony.', 'reviewed')),
      u('1', seg('2', 'Frühstück gibt es ab sieben Uhr.', 'Breakfast is served from seven.', 'translated')),
      u('2', seg('3', 'Haustiere sind willkommen.', '', 'initial')),
    ],
  },
  {
    file: 'cafetran.xlf', tool: 'CafeTran Espresso', version: '10 (XLIFF 1.2)', outcome: 'import', xliff: '1.2', files: 1,
    differs: 're-indented with four spaces, targets without state and without xml:space, a note without from, an empty <target></target>',
    units: [
      u('k1', whole('Der Film beginnt um zwanzig Uhr.', 'The film starts at eight p.m.', 'translated')),
      u('k2', whole('Popcorn gibt es im Foyer.', 'Popcorn is sold in the foyer.', 'translated')),
      u('k3', whole('Die Vorstellung ist ausverkauft.', '', 'initial')),
    ],
  },
  {
    file: 'smartcat.xliff', tool: 'Smartcat', version: 'XLIFF 1.2 export', outcome: 'import', xliff: '1.2', files: 1,
    differs: 'no states at all: approved="yes"/"no" on every unit (yes read as reviewed), an empty <target /> for untranslated units, comments as plain notes',
    units: [
      u('1', whole('Liebe Leserinnen und Leser,', 'Dear readers,', 'reviewed')),
      u('2', whole('in diesem Monat stellen wir drei neue Bücher vor.', 'this month we present three new books.', 'translated')),
      u('3', whole('Viel Freude beim Lesen!', '', 'initial')),
    ],
  },
  {
    file: 'wordfast-pro.txlf', tool: 'Wordfast Pro', version: '8 (TXLF)', outcome: 'import', xliff: '1.2', files: 1,
    differs: 'gs4tr: extension namespace on the root, file, units and targets (ignored); standard states; state="new" on an empty target',
    units: [
      u('1', whole('Schalten Sie das Gerät aus.', 'Switch the device off.', 'translated')),
      u('2', whole('Ziehen Sie den Netzstecker.', 'Pull the power plug.', 'translated', true)),
      u('3', whole('Warten Sie zehn Sekunden.', '', 'initial')),
    ],
  },
  {
    file: 'xtm.xlf', tool: 'XTM Cloud', version: 'XLIFF 1.2 export', outcome: 'import', xliff: '1.2', files: 1,
    differs: 'underscore locales (de_DE), state-qualifier exact-match/fuzzy-match/mt-suggestion, a fuzzy <alt-trans> with match-quality="91%"',
    units: [
      u('seg-1', whole('Das Gehäuse ist wasserdicht.', 'The housing is waterproof.', 'translated')),
      u('seg-2', whole('Der Akku hält zwei Tage.', 'The battery lasts two days.', 'translated', true)),
      u('seg-3', whole('Lieferumfang: Ladekabel', 'Scope of delivery: charging cable', 'translated')),
      u('seg-4', whole('Garantie: zwei Jahre', '', 'initial')),
    ],
  },
  {
    file: 'crowdin.xliff', tool: 'Crowdin', version: 'XLIFF 1.2 download', outcome: 'import', xliff: '1.2', files: 1,
    differs: 'numeric ids with the key in resname, approved strings as state="final", untranslated strings as a copy of the source with state="needs-translation" (read as untranslated)',
    units: [
      u('1001', whole('Anmelden', 'Sign in', 'final')),
      u('1002', whole('Passwort vergessen?', 'Forgot your password?', 'translated')),
      u('1003', whole('Angemeldet bleiben', 'Angemeldet bleiben', 'initial')),
    ],
  },
  {
    file: 'transifex.xlf', tool: 'Transifex', version: 'XLIFF 1.2 download', outcome: 'import', xliff: '1.2', files: 1,
    differs: 'gettext plurals as <group restype="x-gettext-plurals"> with ids key[0], key[1], <context-group> locations, an untranslated unit without <target>',
    units: [
      u('a3f9b', whole('Ihr Warenkorb ist leer.', 'Your cart is empty.', 'translated')),
      u('c71d2[0]', whole('%d Artikel', '%d item', 'translated')),
      u('c71d2[1]', whole('%d Artikel', '%d items', 'translated')),
      u('e0b44', whole('Zur Kasse', undefined, 'initial')),
    ],
  },
  {
    file: 'lokalise-2.xliff', tool: 'Lokalise', version: 'XLIFF 2.0 download', outcome: 'import', xliff: '2.0', files: 1,
    differs: 'file id is the source file name, unit ids are keys, segments without ids, description notes, an empty target with state="initial"',
    units: [
      u('settings.language', whole('Sprache', 'Language', 'reviewed')),
      u('settings.dark_mode', whole('Dunkler Modus', 'Dark mode', 'translated')),
      u('settings.reset', whole('Auf Werkseinstellungen zurücksetzen', '', 'initial')),
    ],
  },
  {
    file: 'weblate-po2xliff.xlf', tool: 'Weblate / Translate Toolkit (also Virtaal, Pootle)', version: 'po2xliff (XLIFF 1.1)', outcome: 'import', xliff: '1.1', files: 1,
    differs: 'XLIFF 1.1 namespace and version (read as the 1.2 family), no target-language, the source text as unit id, approved="yes|no" (in a datatype="po" file "not fuzzy": translated, not reviewed), fuzzy as needs-review-translation, po-reference context groups, plural groups',
    units: [
      u('Dateien werden synchronisiert …', whole('Dateien werden synchronisiert …', 'Syncing files …', 'translated')),
      u('Verbindung verloren', whole('Verbindung verloren', 'Connection gone', 'translated', true)),
      u('1[0]', whole('Eine Datei', 'One file', 'translated')),
      u('1[1]', whole('%d Dateien', '%d files', 'translated')),
      u('Abbrechen', whole('Abbrechen', undefined, 'initial')),
    ],
  },
  {
    file: 'poedit.xlf', tool: 'Poedit', version: '3 (XLIFF 1.2)', outcome: 'import', xliff: '1.2', files: 1,
    differs: 'keeps the file as it was, writes state="translated", marks fuzzy work needs-review-translation, adds no target to untranslated units',
    units: [
      u('p1', whole('Die Bibliothek schließt heute früher.', 'The library closes early today.', 'translated')),
      u('p2', whole('Ausleihen sind bis Freitag möglich.', 'Loans are possible until Friday.', 'translated', true)),
      u('p3', whole('Der Lesesaal bleibt offen.', undefined, 'initial')),
    ],
  },
  {
    file: 'xcode.xliff', tool: 'Xcode', version: '15 (.xcloc export, XLIFF 1.2)', outcome: 'import', xliff: '1.2', files: 2,
    differs: 'one <file> per strings catalog, each with a <tool> header, keys as ids (with spaces, % and an encoded line break), an empty <note/>, a source of two lines, no <target> for untranslated keys',
    units: [
      u('CFBundleDisplayName', whole('Wetter', 'Weather', 'translated')),
      u('NSLocationWhenInUseUsageDescription', whole('Wir brauchen Ihren Standort für die Vorhersage.', 'We need your location for the forecast.', 'translated')),
      u('Heute', whole('Heute', 'Today', 'translated')),
      u('%lld Grad', whole('%lld Grad', '%lld degrees', 'translated', true)),
      u('Warnung:\nSturm erwartet', whole('Warnung:\nSturm erwartet', undefined, 'initial')),
    ],
  },
  {
    file: 'angular.xlf', tool: 'Angular i18n', version: 'ng extract-i18n, XLIFF 1.2', outcome: 'import', xliff: '1.2', files: 1,
    differs: 'datatype="html" on units, <x id="INTERPOLATION"/> and START_/CLOSE_ placeholders with equiv-text and ctype (codes, not text), ICU plural text, context groups, description/meaning notes; a translated ICU target still marked state="new" (read as initial here, as translated by matchTranslations)',
    units: [
      u('welcomeHeading', whole('Willkommen, !', 'Welcome, !', 'translated')),
      u('4b8f0d2e6a1c9e73', whole('Das ist wichtig.', 'This is important.', 'translated')),
      u('5120775417813226466', whole('{VAR_PLURAL, plural, =0 {keine Nachrichten} =1 {eine Nachricht} other { Nachrichten}}', '{VAR_PLURAL, plural, =0 {no messages} =1 {one message} other { messages}}', 'initial')),
      u('logoutButton', whole('Abmelden', undefined, 'initial')),
    ],
  },
  {
    file: 'angular.xlf2', tool: 'Angular i18n', version: 'ng extract-i18n --format=xlf2 (XLIFF 2.0)', outcome: 'import', xliff: '2.0', files: 1,
    differs: '<ph equiv disp/> for interpolations, <pc equivStart equivEnd dispStart dispEnd> for elements, location notes, segments without id or state (initial even when translated: matchTranslations reads a changed target as translated)',
    units: [
      u('welcomeHeading', whole('Willkommen, !', 'Welcome, !', 'initial')),
      u('4b8f0d2e6a1c9e73', whole('Das ist wichtig.', 'This is important.', 'initial')),
      u('logoutButton', whole('Abmelden', undefined, 'initial')),
    ],
  },
  {
    file: 'swordfish-21.xlf', tool: 'Swordfish / OpenXLIFF (Maxprograms)', version: 'Swordfish 4, XLIFF 2.1', outcome: 'import', xliff: '2.1', files: 1,
    differs: 'skeleton, mda: metadata groups, mtc:matches and gls:glossary modules, canResegment="no", <originalData> with <pc dataRefStart>, a term <mrk>, an <ignorable> with text and a target, a target of white space only',
    units: [
      u('1', seg('1', 'Die Robben werden um vier Uhr gefüttert.', 'The seals are fed at four.', 'translated'), seg('2', 'Bitte nicht füttern.', 'Please do not feed them.', 'final')),
      u('2', seg('3', 'Der Zoo öffnet um neun Uhr.', '   ', 'initial')),
    ],
  },
  {
    file: 'dejavu-x3.xlf', tool: 'Déjà Vu X3', version: 'XLIFF 1.2 export (assumed shape)', outcome: 'import', xliff: '1.2', files: 1,
    differs: 'UTF-16LE with BOM and CRLF, upper-case locales, a numeric character reference (&#160;) in a source; no documentation of its XLIFF was found, so only generic Windows habits are imitated',
    units: [
      u('1', whole('Herzlich willkommen im Schwimmbad.', 'Welcome to the swimming pool.', 'translated')),
      u('2', whole('Duschen vor dem Baden ist Pflicht.', 'Showering before swimming is compulsory.', 'reviewed')),
      u('3', whole('Springen\u00a0verboten!', '', 'initial')),
    ],
  },
  {
    file: 'across.xlf', tool: 'Across', version: 'crossConnect Across XLIFF (1.2)', outcome: 'import', xliff: '1.2', files: 1,
    differs: 'ax:state-name/state-id/state-flags on units (not mapped: no XLIFF state, so a target with text is translated), self-closed <bpt rid/> and <ept rid/> with formatting attributes, <ph> holding the text of an embedded element (kept as code data, not as text), maxwidth; the namespace URI here is a stand-in',
    units: [
      u('16', whole('Neu in Version : der Exportdialog.', 'New in version : the export dialog.', 'translated')),
      u('17', whole('Speichern unter …', 'Save as …', 'translated')),
      u('18', whole('Drucken', '', 'initial')),
    ],
  },
  {
    file: 'swordfish-1252.xlf', tool: 'Swordfish / OpenXLIFF (Maxprograms)', version: 'XLIFF 1.2 in windows-1252', outcome: 'import', xliff: '1.2', files: 1,
    differs: 'the XML declaration names windows-1252 and the bytes are windows-1252 („ “ € – … and umlauts, which Node 20 itself decodes wrongly as Latin-1), CRLF, a <tool> header, approved="yes" with signed-off',
    units: [
      u('1', whole('Der Zug nach Köln fährt um 8:15 Uhr – pünktlich.', 'The train to Cologne leaves at 8:15 – on time.', 'translated')),
      u('2', whole('„Bitte einsteigen“, sagt der Schaffner.', '“All aboard,” says the conductor.', 'reviewed')),
      u('3', whole('Fahrkarten kosten 12 €.', 'Tickets cost €12…', 'translated', true)),
    ],
  },
  {
    file: 'okapi-rainbow-1252.xlf', tool: 'Okapi Rainbow', version: 'XLIFF 1.2 in windows-1252 (okp:inputEncoding)', outcome: 'import', xliff: '1.2', files: 1,
    differs: 'windows-1252 declared and used for the whole file, okp: attributes, xml:lang on sources and targets (regional tags), a target without state (translated) and a unit without target',
    units: [
      u('tu1', whole('Rauchen ist im ganzen Gebäude verboten.', 'Smoking is prohibited throughout the building.', 'translated')),
      u('tu2', whole('Notausgänge sind mit „Ausgang“ beschriftet.', 'Emergency exits are labelled “Exit”.', 'translated')),
      u('tu3', whole('Die Garderobe kostet 1 €.', undefined, 'initial')),
    ],
  },
  {
    file: 'passolo-10.xlf', tool: 'Passolo (and older tools writing XLIFF 1.0)', version: 'XLIFF 1.0 (DTD based) in windows-1252', outcome: 'import', xliff: '1.0', files: 1,
    differs: 'version="1.0" without a namespace and with the 1.0 DOCTYPE (an external DTD that is never read; a DOCTYPE with declarations stays refused), windows-1252, CRLF, resname/restype, approved="yes", an empty target under needs-translation',
    units: [
      u('1001', whole('Datei öffnen …', 'Open file…', 'translated')),
      u('1002', whole('Änderungen speichern?', 'Save changes?', 'reviewed')),
      u('1003', whole('Beenden', '', 'initial')),
    ],
  },
  {
    file: 'hand-edit-html-entity.xlf', tool: 'any tool, after a hand edit', version: 'XLIFF 1.2', outcome: 'refuse', rule: 'xliff/not-well-formed', line: 7,
    differs: 'an HTML entity (&nbsp;) that XML does not define: refused with a hint that names the fix',
  },
];

function refusal(bytes: Uint8Array, name: string): InputError {
  try {
    readXliff(bytes, name);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`expected ${name} to be refused`);
}

const hasText = (s: Seg): boolean => s[2] !== undefined && s[2].trim() !== '';

describe('corpus: XLIFF files shaped like other CAT tools write them', () => {
  let project: TempProject;
  beforeAll(() => {
    project = tempProject({ fixture: 'artikel' });
  });
  afterAll(() => project.remove());

  it('holds at least twenty tools', () => {
    expect(new Set(CASES.map((c) => c.tool)).size).toBeGreaterThanOrEqual(20);
  });

  for (const c of CASES) {
    const bytes = (): Uint8Array => readFileSync(path.join(CORPUS, c.file));
    if (c.outcome === 'import') {
      it(`${c.tool} ${c.version} (${c.file}): imported, every unit, segment and target accounted for — ${c.differs}`, async () => {
        const parsed = readXliff(bytes(), c.file);
        expect(parsed.version).toBe(c.xliff);
        expect(parsed.files).toHaveLength(c.files);
        const actual = parsed.units.map((unit) => ({
          id: unit.id,
          segments: unit.segments.map((s): Seg => [s.id, s.source.text, s.target?.text, s.state, s.needsReview]),
          ...(unit.translate ? {} : { translate: false as const }),
        }));
        expect(actual).toEqual(c.units);
        expect(parsed.messages.map((m) => m.ruleId)).toEqual(c.warnings ?? []);

        const run = await project.run(['inspect', path.join(CORPUS, c.file), '--json']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const summary = JSON.parse(run.stdout) as { version: string; units: number; segments: number; targets: number; files: unknown[] };
        const segments = c.units.flatMap((unit) => unit.segments);
        expect(summary).toMatchObject({ version: c.xliff, units: c.units.length, segments: segments.length, targets: segments.filter(hasText).length });
        expect(summary.files).toHaveLength(c.files);
      });
    } else {
      it(`${c.tool} ${c.version} (${c.file}): refused with a rule id, a line and a hint — ${c.differs}`, async () => {
        const error = refusal(bytes(), c.file);
        expect(error.detail.ruleId).toBe(c.rule);
        expect(error.detail.line).toBe(c.line);
        expect(error.detail.hint?.length ?? 0).toBeGreaterThan(20);
        const run = await project.run(['inspect', path.join(CORPUS, c.file), '--json']);
        expect(run.code).toBe(3);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain(`[${c.rule}]`);
        expect(run.stderr).toContain(`${c.file}:${c.line}:`);
      });
    }
  }
});

/**
 * A newsroom archive for the scale benchmark: `count` German articles from a seeded generator,
 * shaped like the bundled one (a title, paragraphs of one to four sentences, a sub-heading or two,
 * a credit line), and a pseudo-translation that fills the translators' XLIFF files.
 *
 * Sentences are drawn from a Zipf-distributed vocabulary (real German function words, generated
 * content words, the glossary's terms, numbers, quotations), so two unrelated sentences share
 * little more than "der" and "und", as in real news. Near-duplicates come from stories: about a
 * third of the articles follow up an earlier one (an update that keeps most paragraphs, touches a
 * word here and there and adds new ones, or a correction that changes one word and adds a note),
 * and every article ends with one of a few credit lines. Those are what a translation memory
 * meets in a real archive: many exact repeats, some close variants, mostly new sentences.
 */
import { seededRandom } from './random.js';

/** A generated article: its file name (without folder) and its text. */
export interface ArchiveArticle {
  readonly name: string;
  readonly text: string;
}

/** What an article is made of before it is written out: a title and blocks of sentences. */
interface Draft {
  title: string;
  /** Paragraphs (several sentences) and headings (one line without final punctuation). */
  blocks: Array<{ readonly heading: boolean; sentences: string[] }>;
  credit: string;
}

const FUNCTION_WORDS = (
  'der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er ' +
  'hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor ' +
  'zur bis mehr durch man sein wurde sei soll seit unter gegen wieder schon kann ihre seine diese dieser ' +
  'jedoch bereits zwischen beiden damit laut'
).split(' ');
const SAYING = ['sagte', 'erklärte', 'betonte', 'fügte hinzu', 'bemerkte', 'teilte mit'];
const SPEAKERS = ['der Sprecher', 'die Ministerin', 'ein Diplomat', 'der Abgeordnete', 'die Botschafterin', 'ein Beamter'];
const CREDITS = ['dpa/AFP', 'Reuters', 'AFP', 'dpa', 'Expansion', 'AP/dpa'];
const SYLLABLES = [
  'ba', 'ko', 'len', 'mi', 'tov', 'ra', 'schu', 'wen', 'dor', 'el', 'fa', 'gri', 'han', 'jo', 'ki', 'lu', 'mar', 'no',
  'pe', 'ru', 'sa', 'ti', 'vol', 'zek', 'ber', 'stein', 'au', 'ei', 'gen', 'ung', 'lich', 'keit', 'hof', 'burg',
];

/** Content words in the archive's vocabulary; drawn by a Zipf law, so a few are common and most rare. */
const VOCABULARY_SIZE = 40_000;

/** Options of the generator; defaults describe a wire-service archive. */
export interface ArchiveOptions {
  /** Seed of the generator; the same seed gives the same archive. */
  readonly seed?: number;
  /** Glossary sources to mention (the bundled glossary's terms); default none. */
  readonly terms?: readonly string[];
}

/**
 * A sampler of ranks 0…size-1 with probability proportional to 1/(rank+1+offset) (Zipf–Mandelbrot):
 * the offset flattens the head, so the commonest word is common without being every other word.
 */
function zipf(random: () => number, size: number, offset: number): () => number {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let i = 0; i < size; i += 1) {
    sum += 1 / (i + 1 + offset);
    cumulative[i] = sum;
  }
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** The generated archive, article by article (names sort in publication order). */
export function generateArchive(count: number, options: ArchiveOptions = {}): ArchiveArticle[] {
  const random = seededRandom(options.seed ?? 20_240_903);
  const terms = options.terms ?? [];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const vocabulary: string[] = [];
  const seen = new Set<string>();
  while (vocabulary.length < VOCABULARY_SIZE) {
    let w = '';
    const syllables = 2 + Math.floor(random() * 3);
    for (let i = 0; i < syllables; i += 1) w += pick(SYLLABLES);
    // About half are nouns, capitalised as German writes them.
    if (random() < 0.5) w = w.charAt(0).toUpperCase() + w.slice(1);
    if (seen.has(w)) continue;
    seen.add(w);
    vocabulary.push(w);
  }
  const contentRank = zipf(random, vocabulary.length, 30);
  const functionRank = zipf(random, FUNCTION_WORDS.length, 4);
  const contentWord = (): string => vocabulary[contentRank()] as string;

  const words = (count: number): string[] => {
    const out: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const r = random();
      if (r < 0.42) out.push(FUNCTION_WORDS[functionRank()] as string);
      else if (r < 0.46 && terms.length > 0) out.push(pick(terms));
      else if (r < 0.48) out.push(String(1 + Math.floor(random() * 2030)));
      else out.push(contentWord());
    }
    // Never end on a number: "… 2024. Der" reads as an ordinal to German rules, and the archive
    // is about memory, not about that question.
    if (/^\d+$/u.test(out[out.length - 1] ?? '')) out.push(contentWord());
    return out;
  };
  const capitalised = (list: readonly string[]): string => {
    const text = list.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const sentence = (): string => {
    const length = 6 + Math.floor(random() * 12) + Math.floor(random() * 12);
    const r = random();
    if (r < 0.12) return `„${capitalised(words(length))}“, ${pick(SAYING)} ${pick(SPEAKERS)}.`;
    if (r < 0.15) return `${capitalised(words(length))}?`;
    return `${capitalised(words(length))}.`;
  };
  const heading = (): string => capitalised(words(3 + Math.floor(random() * 5)));
  const paragraph = (): { heading: boolean; sentences: string[] } => ({
    heading: false,
    sentences: Array.from({ length: 1 + Math.floor(random() * 4) }, sentence),
  });
  const fresh = (): Draft => {
    const blocks: Draft['blocks'] = [];
    const paragraphs = 8 + Math.floor(random() * 5);
    for (let i = 0; i < paragraphs; i += 1) {
      if (i > 1 && random() < 0.15) blocks.push({ heading: true, sentences: [heading()] });
      blocks.push(paragraph());
    }
    return { title: capitalised(words(6 + Math.floor(random() * 8))), blocks, credit: pick(CREDITS) };
  };
  /** One word of a sentence replaced (a corrected name, a figure put right). */
  const touched = (text: string): string => {
    const parts = text.split(' ');
    const at = 1 + Math.floor(random() * Math.max(1, parts.length - 2));
    const before = parts[at] ?? '';
    // Keep the punctuation glued to the word, so the sentence still ends as it did.
    const tail = /[.,?“]+$/u.exec(before)?.[0] ?? '';
    parts[at] = (/\d/u.test(before) ? String(1 + Math.floor(random() * 2030)) : contentWord()) + tail;
    return parts.join(' ');
  };
  const followUp = (earlier: Draft): Draft => {
    const copy = (b: Draft['blocks'][number]): Draft['blocks'][number] => ({ heading: b.heading, sentences: [...b.sentences] });
    if (random() < 0.4) {
      // A correction: the same article, one word put right, and a note saying so.
      const blocks = earlier.blocks.map(copy);
      const paragraphs = blocks.filter((b) => !b.heading);
      const target = pick(paragraphs);
      const i = Math.floor(random() * target.sentences.length);
      target.sentences[i] = touched(target.sentences[i] as string);
      blocks.push({ heading: false, sentences: [`Korrektur: ${sentence()}`] });
      return { title: earlier.title, blocks, credit: earlier.credit };
    }
    // An update: most of the story again, lightly edited, then what is new.
    const kept = earlier.blocks.slice(0, Math.max(2, Math.ceil(earlier.blocks.length * 0.6))).map(copy);
    for (const block of kept) {
      if (block.heading) continue;
      block.sentences = block.sentences.map((s) => (random() < 0.2 ? touched(s) : s));
    }
    const added = 2 + Math.floor(random() * 3);
    for (let i = 0; i < added; i += 1) kept.push(paragraph());
    return { title: touched(earlier.title), blocks: kept, credit: pick(CREDITS) };
  };

  const drafts: Draft[] = [];
  for (let i = 0; i < count; i += 1) {
    // A follow-up takes a story from the last few dozen articles, as a news desk would.
    const earlier = i > 0 && random() < 0.33 ? drafts[i - 1 - Math.floor(random() * Math.min(i, 40))] : undefined;
    drafts.push(earlier === undefined ? fresh() : followUp(earlier));
  }
  const width = String(count).length;
  return drafts.map((d, i) => ({ name: `article-${String(i + 1).padStart(width, '0')}.txt`, text: render(d) }));
}

/** The article as the scraper delivers it: title, blank line, one line per block, credit last. */
function render(draft: Draft): string {
  const lines = [draft.title, '', ...draft.blocks.map((b) => b.sentences.join(' ')), draft.credit];
  return lines.join('\n') + '\n';
}

/**
 * Changes one word of an article's text: the edit a correction makes. Returns the new text; the
 * word chosen is the first long lower-case word of the line `line` (1-based, past the title).
 */
export function editOneWord(text: string, line: number): string {
  const lines = text.split('\n');
  const at = Math.min(Math.max(2, line), lines.length - 2);
  const current = lines[at] ?? '';
  lines[at] = current.replace(/(?<=\s)[a-zäöüß]{5,}(?=\s)/u, (w) => `${w}ung`);
  return lines.join('\n');
}

/** Quotation marks of a target language, opening and closing. */
const QUOTES: Readonly<Record<string, readonly [string, string]>> = {
  en: ['“', '”'],
  fr: ['«\u202f', '\u202f»'],
  es: ['«', '»'],
};

/**
 * A deterministic stand-in for a translator: every word becomes a word of about the same length,
 * the same for the same word and language; numbers, punctuation and capitals stay; German quotation
 * marks become the target language's. Two sentences that differ in one word get translations that
 * differ in one word, as real ones do.
 */
export function pseudoTranslator(language: string): (text: string) => string {
  const cache = new Map<string, string>();
  const [open, close] = QUOTES[language] ?? ['"', '"'];
  const salt = [...language].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16_777_619), 2_166_136_261);
  const wordFor = (word: string): string => {
    let out = cache.get(word);
    if (out !== undefined) return out;
    let h = salt;
    for (let i = 0; i < word.length; i += 1) h = Math.imul(h ^ word.charCodeAt(i), 16_777_619);
    out = '';
    while (out.length < word.length) {
      out += SYLLABLES[(h >>> 0) % SYLLABLES.length] as string;
      h = Math.imul(h ^ 0x9e37, 16_777_619);
    }
    if (word.charAt(0) !== word.charAt(0).toLowerCase()) out = out.charAt(0).toUpperCase() + out.slice(1);
    cache.set(word, out);
    return out;
  };
  return (text) => text.replace(/\p{L}+/gu, wordFor).replace(/„/gu, open).replace(/“/gu, close);
}

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const decode = (xml: string): string => xml.replace(/&(?:amp|lt|gt|quot|apos);/gu, (e) => ENTITIES[e] ?? e);
const encode = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/**
 * Fills an XLIFF 1.2 file as written by `l10n extract` the way a translator would: every unit
 * without a target gets one, state `translated`; glossary terms (`<mrk mtype="term">`, whose
 * comment holds the approved target) are rendered with their first approved target, names not to
 * be translated are kept. Returns the new file and how many targets were added.
 */
export function fillXliff(xml: string, translate: (text: string) => string): { xml: string; filled: number } {
  let filled = 0;
  const out = xml.replace(/<source xml:space="preserve">([\s\S]*?)<\/source>(?!\s*<target)/gu, (all, content: string) => {
    let target = '';
    let last = 0;
    for (const m of content.matchAll(/<mrk mtype="term" comment="([^"]*)">([\s\S]*?)<\/mrk>/gu)) {
      target += encode(translate(decode(content.slice(last, m.index))));
      const comment = decode(m[1] ?? '');
      const approved = comment === 'do not translate' || comment === '' ? decode(m[2] ?? '') : (comment.split(' / ')[0] ?? comment);
      target += encode(approved);
      last = m.index + m[0].length;
    }
    target += encode(translate(decode(content.slice(last))));
    filled += 1;
    return `${all}<target state="translated" xml:space="preserve">${target}</target>`;
  });
  return { xml: out, filled };
}

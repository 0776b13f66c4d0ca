import { describe, expect, it } from 'vitest';
import { contentPieces, renderReport, type ReviewDocument } from '../../pipeline/review/index.js';
import { indexPage } from '../../pipeline/review/pages.js';
import { articleView } from './fixtures.js';

const HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "' onmouseover='alert(1)"];

/** The article with hostile text in every field a person or a tool can write. */
function hostileView(): ReviewDocument {
  const view = articleView();
  const [first, ...rest] = view.segments;
  if (first === undefined) throw new Error('fixture has no segment');
  return {
    ...view,
    document: '<b>doc</b>',
    file: 'translations/en/<i>.xlf',
    segments: [
      {
        ...first,
        id: '"><script>x</script>',
        target: { text: HOSTILE.join(' '), codes: [{ id: '1', kind: 'standalone', at: 3, display: '<iframe src=//evil.example>' }] },
        source: { ...first.source, terms: first.source.terms.map((t) => ({ ...t, note: HOSTILE[2] ?? '', approved: [HOSTILE[3] ?? ''] })) },
        findings: [{ ruleId: 'qa/<x>', severity: 'warning', reason: HOSTILE[0] ?? '', hint: HOSTILE[1] ?? '' }],
        notes: [{ author: '<u>Mallory</u>', time: '2025-09-04T08:00:00.000Z', text: HOSTILE[1] ?? '' }],
        origin: { kind: 'machine', provider: '<marquee>' },
      },
      ...rest,
    ],
  };
}

describe('static review report', () => {
  it('gives the same bytes for the same view', () => {
    expect(renderReport(articleView())).toBe(renderReport(articleView()));
    expect(renderReport(structuredClone(articleView()))).toBe(renderReport(articleView()));
  });

  it('is self-contained and runs no script: no script element, no external file, a CSP that allows only its style', () => {
    const html = renderReport(articleView());
    expect(html).not.toMatch(/<script|\bsrc=|<link|url\(|@import|\bon\w+=/iu);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[\w+/]+=*&#39;">/u);
  });

  it('shows source and target side by side with their languages, terms, codes, states, findings and notes', () => {
    const html = renderReport(articleView());
    expect(html).toContain('<th scope="col">Source (de)</th><th scope="col">Target (en)</th>');
    expect(html).toContain('<td lang="de"><mark class="term" title="Wladimir Putin: approved: Vladimir Putin, Putin">Putin</mark> empfängt Kim im <mark class="term" title="Kreml: approved: Kremlin; forbidden: Kreml; note: Seat of the Russian president">Kreml</mark>');
    expect(html).toContain('<td lang="en">Both spoke about <span class="code" title="&lt;b&gt;">⟦1⟧</span>trade<span class="code" title="&lt;/b&gt;">⟦/1⟧</span> and security.');
    expect(html).toContain('<span class="finding-error">error: the glossary forbids &quot;Kreml&quot; for Kreml <code>qa/forbidden-term</code></span> expected Kremlin, found Kreml');
    expect(html).toContain('<li>Lena (2025-09-03T10:20:00.000Z): Name Putin, as the source does.</li>');
    expect(html).toContain('<span class="state">sent back</span> <span class="origin">translator</span>');
    expect(html).toContain('<span class="empty">no translation</span>');
    expect(html).toContain('8 segments: 1 untranslated, 2 translated, 1 needs review, 1 sent back, 2 reviewed, 1 final · 1 errors, 1 warnings, 0 notices');
  });

  it('keeps hostile text as text in every field', () => {
    const html = renderReport(hostileView());
    // Every "<" of the text is escaped, so each "<" left opens a tag the renderer wrote; with the
    // quoted attribute values blanked out, what remains are the element and attribute names.
    const tags = (html.match(/<[a-zA-Z][^>]*>/gu) ?? []).map((tag) => tag.replace(/"[^"]*"/gu, '""'));
    expect(tags.filter((tag) => /^<(script|img|svg|iframe|marquee|u|b|i)[\s>]/iu.test(tag))).toEqual([]);
    expect(tags.filter((tag) => /\son\w+\s*=/iu.test(tag))).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('splits text at term edges and puts codes at their places, also at the very start and end', () => {
    const pieces = contentPieces(
      { text: 'ab cd', codes: [{ id: '1', kind: 'open', at: 0 }, { id: '1', kind: 'close', at: 5 }] },
      [{ start: 3, end: 5, term: 'CD', approved: [], forbidden: [], dnt: true }],
    );
    expect(pieces.map((p) => (p.kind === 'code' ? `[${p.code.kind}]` : p.term === undefined ? p.text : `{${p.text}}`))).toEqual(['[open]', 'ab ', '{cd}', '[close]']);
  });
});

describe('index page', () => {
  it('lists documents × languages with counts, and keeps hostile names as text', () => {
    const html = indexPage(
      [
        {
          document: '<img src=x onerror=alert(1)>',
          language: 'en',
          sourceLanguage: 'de',
          file: 'x.xlf',
          segments: 5000,
          states: { initial: 1, translated: 2, 'needs-review': 3, 'needs-translation': 4, reviewed: 5, final: 4985 },
          findings: { error: 7, warning: 8, info: 9 },
        },
      ],
      'tok',
    );
    expect(html).not.toMatch(/<img/iu);
    expect(html).toContain('<th scope="row">&lt;img src=x onerror=alert(1)&gt;</th><td>de → en</td><td class="number">5,000</td><td class="number">1</td>');
    expect(html).toContain('href="/review/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/en?token=tok"');
  });
});

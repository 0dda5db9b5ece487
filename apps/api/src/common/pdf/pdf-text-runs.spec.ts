import { textRuns } from './pdf-text-runs';

/** The runs as [text, face name, rtl], for comparing. */
const runs = (text: string, style: 'regular' | 'bold' | 'mono' = 'regular') => textRuns([{ text, style }]).map((r) => [r.text, r.face.name, r.rtl]);

describe('text runs: a paragraph split by font coverage and bidi level, in visual order', () => {
  it('keeps Latin, Latin Extended, Vietnamese, Greek and Cyrillic in one DejaVu run', () => {
    expect(runs('Zoë Dvořák, Łukasz Nguyễn, Αλέξανδρος, Анна')).toEqual([['Zoë Dvořák, Łukasz Nguyễn, Αλέξανδρος, Анна', 'DejaVuSans', false]]);
    expect(runs('Signed by', 'bold')).toEqual([['Signed by', 'DejaVuSans-Bold', false]]);
  });

  it('sends Han and kana to the Noto Sans SC file that holds each, Hangul to Noto Sans KR, spaces back to DejaVu', () => {
    const split = runs('Łukasz Nguyễn 王小明');
    expect(split[0]).toEqual(['Łukasz Nguyễn ', 'DejaVuSans', false]);
    expect(split.slice(1).map(([text]) => text).join('')).toBe('王小明');
    expect(split.slice(1).every(([, face]) => /^noto-sans-sc-\d+-400$/.test(face as string))).toBe(true);
    expect(runs('김민준').every(([, face]) => /^noto-sans-kr-\d+-400$/.test(face as string))).toBe(true);
    expect(runs('王', 'bold')[0][1]).toMatch(/^noto-sans-sc-\d+-700$/);
  });

  it('lays a right-to-left name out as one run between the left-to-right text around it', () => {
    expect(runs('Patient: محمد العلي, born 1987-01-02')).toEqual([
      ['Patient: ', 'DejaVuSans', false],
      ['محمد العلي', 'DejaVuSans', true],
      [', born 1987-01-02', 'DejaVuSans', false],
    ]);
    expect(runs('דוד כהן')).toEqual([['דוד כהן', 'DejaVuSans', true]]);
  });

  it('puts two right-to-left words around a number in visual order (rule L2)', () => {
    // Logical: Hebrew word, space, 42, space, Hebrew word; drawn from the left: second word, 42, first word (each
    // right-to-left run keeps its logical text: fontkit reverses its glyphs).
    expect(runs('שלום 42 עולם')).toEqual([
      [' עולם', 'DejaVuSans', true],
      ['42', 'DejaVuSans', false],
      ['שלום ', 'DejaVuSans', true],
    ]);
  });

  it('draws U+FFFD for a character no shipped font has, and leaves out an invisible one', () => {
    // U+1F9A0 (microbe, Unicode 11) is newer than DejaVu 2.37 and not in Noto Sans SC or KR.
    expect(runs('A\u{1F9A0}B')).toEqual([['A\uFFFDB', 'DejaVuSans', false]]);
    expect(runs('A\u{E0001}B').map(([text]) => text).join('')).toBe('AB');
  });

  it('answers no runs for empty text', () => {
    expect(textRuns([{ text: '', style: 'regular' }])).toEqual([]);
  });
});

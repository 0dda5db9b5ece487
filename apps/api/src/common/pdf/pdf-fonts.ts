import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** How a run of text is set: the body face, its bold, or the monospaced face for hashes and ids. */
export type FontStyle = 'regular' | 'bold' | 'mono';

/** One font file the PDF can embed, under the name it is registered with in a document. */
export interface PdfFace {
  name: string;
  file: string;
}

/**
 * The faces, all shipped from npm and embedded as subsets (PDF/A wants every font embedded; the PDF base-14 fonts
 * are Latin-1 only and never embedded):
 *  - DejaVu Sans (`dejavu-fonts-ttf`): Latin with Latin Extended and Vietnamese, Greek, Cyrillic, Arabic with its
 *    shaping tables, Hebrew; bold and mono beside it.
 *  - Noto Sans SC and KR (`@fontsource/noto-sans-sc`, `@fontsource/noto-sans-kr`) for Han, kana and Hangul, which
 *    DejaVu lacks. Fontsource ships each as ~100 small WOFF files by Unicode range (its `unicode.json`), so a
 *    character picks the one file that holds it, and a document embeds only the files its text needs.
 */
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const DEJAVU = join(packageDir('dejavu-fonts-ttf'), 'ttf');

const PRIMARY: Record<FontStyle, PdfFace> = {
  regular: { name: 'DejaVuSans', file: join(DEJAVU, 'DejaVuSans.ttf') },
  bold: { name: 'DejaVuSans-Bold', file: join(DEJAVU, 'DejaVuSans-Bold.ttf') },
  mono: { name: 'DejaVuSansMono', file: join(DEJAVU, 'DejaVuSansMono.ttf') },
};

/** A font split by Unicode range, as fontsource publishes it. */
class RangeSplitFamily {
  private ranges: Map<number, string> | null = null;
  /** One object per file, so runs compare faces by identity. */
  private readonly faces = new Map<string, PdfFace>();
  constructor(
    private readonly packageName: string,
    private readonly filePrefix: string,
  ) {}

  /** The face holding the code point at this weight, or null when none of the family's files lists it. */
  faceFor(codePoint: number, weight: 400 | 700): PdfFace | null {
    const subset = this.subsets().get(codePoint);
    if (subset === undefined) return null;
    const name = `${this.filePrefix}-${subset}-${weight}`;
    let face = this.faces.get(name);
    if (!face) {
      face = { name, file: join(packageDir(this.packageName), 'files', `${name}-normal.woff`) };
      this.faces.set(name, face);
    }
    return face;
  }

  /** Code point to subset name, from `unicode.json` ({ "[116]": "U+4e00-4e01,U+4e03,..." }). */
  private subsets(): Map<number, string> {
    if (this.ranges) return this.ranges;
    const declared = JSON.parse(readFileSync(join(packageDir(this.packageName), 'unicode.json'), 'utf8')) as Record<string, string>;
    const ranges = new Map<number, string>();
    for (const [key, list] of Object.entries(declared)) {
      const subset = key.replace(/^\[|\]$/g, '');
      for (const range of list.split(',')) {
        const [from, to] = range.trim().replace(/^U\+/i, '').split('-').map((hex) => parseInt(hex, 16));
        for (let cp = from; cp <= (to ?? from); cp++) if (!ranges.has(cp)) ranges.set(cp, subset);
      }
    }
    this.ranges = ranges;
    return ranges;
  }
}

const NOTO_SC = new RangeSplitFamily('@fontsource/noto-sans-sc', 'noto-sans-sc');
const NOTO_KR = new RangeSplitFamily('@fontsource/noto-sans-kr', 'noto-sans-kr');
const HANGUL = /\p{Script=Hangul}/u;

/** Font files are read and parsed once per process; documents register the same bytes. */
const loaded = new Map<string, { bytes: Buffer; font: fontkit.Font }>();

function load(face: PdfFace): { bytes: Buffer; font: fontkit.Font } {
  let entry = loaded.get(face.file);
  if (!entry) {
    const bytes = readFileSync(face.file);
    entry = { bytes, font: fontkit.create(bytes) as fontkit.Font };
    loaded.set(face.file, entry);
  }
  return entry;
}

/** The bytes of a face's font file, for pdfkit's registerFont. */
export function fontBytes(face: PdfFace): Buffer {
  return load(face).bytes;
}

export function hasGlyph(face: PdfFace, codePoint: number): boolean {
  return load(face).font.hasGlyphForCodePoint(codePoint);
}

/** Ascender, descender and line gap in thousandths of the font size, as pdfkit measures them. */
export function verticalMetrics(face: PdfFace): { ascender: number; descender: number; lineGap: number } {
  const { font } = load(face);
  const scale = 1000 / font.unitsPerEm;
  return { ascender: font.ascent * scale, descender: font.descent * scale, lineGap: font.lineGap * scale };
}

export function primaryFace(style: FontStyle): PdfFace {
  return PRIMARY[style];
}

/**
 * The first face that draws the code point in this style: the style's own DejaVu face, then DejaVu Sans (bold and
 * mono lack a few scripts), then Noto Sans SC and KR (KR first for Hangul, which SC covers only in part). Null when
 * no shipped font has it.
 */
export function faceFor(codePoint: number, style: FontStyle): PdfFace | null {
  for (const face of [PRIMARY[style], PRIMARY.regular]) if (hasGlyph(face, codePoint)) return face;
  const weight = style === 'bold' ? 700 : 400;
  const families = HANGUL.test(String.fromCodePoint(codePoint)) ? [NOTO_KR, NOTO_SC] : [NOTO_SC, NOTO_KR];
  for (const family of families) {
    const face = family.faceFor(codePoint, weight);
    if (face && hasGlyph(face, codePoint)) return face;
  }
  return null;
}

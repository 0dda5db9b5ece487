import bidiFactory from 'bidi-js';
import { faceFor, hasGlyph, primaryFace, type FontStyle, type PdfFace } from './pdf-fonts';

/** A piece of text in one style, as a caller composes a line ("Signed by: " bold, then the name). */
export interface TextSpan {
  text: string;
  style: FontStyle;
}

/** A run to hand to pdfkit: one face, one direction, in the order it is drawn from left to right. */
export interface TextRun {
  text: string;
  face: PdfFace;
  /** Right-to-left: fontkit shapes the run as a whole and lays its glyphs out from the right. */
  rtl: boolean;
}

const bidi = bidiFactory();
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const REPLACEMENT = '\uFFFD';

interface LogicalRun {
  text: string;
  face: PdfFace;
  level: number;
}

/**
 * Splits a paragraph into runs a PDF can draw and a text extractor can read back as typed:
 *  - by font coverage (fontkit's hasGlyphForCodePoint): each character goes to the first shipped face that has it,
 *    so "Łukasz Nguyễn 王小明" is DejaVu then Noto Sans SC; a character no face has becomes U+FFFD (PDF/A forbids
 *    drawing .notdef), an invisible format character no face has is left out;
 *  - by bidi level (the Unicode Bidirectional Algorithm, bidi-js, on an English left-to-right paragraph), then put
 *    in visual order (rule L2). A right-to-left run is laid out whole by fontkit, which shapes Arabic and reverses
 *    the glyphs; pdftotext then reads the name back in logical order.
 * The order is resolved per paragraph, before pdfkit wraps lines: a right-to-left phrase that itself wraps across
 * lines keeps its pieces in logical line order (names and short phrases do not wrap).
 */
export function textRuns(spans: readonly TextSpan[]): TextRun[] {
  const text = spans.map((s) => s.text).join('');
  if (text === '') return [];
  const { levels } = bidi.getEmbeddingLevels(text, 'ltr');
  const runs: LogicalRun[] = [];
  let index = 0;
  for (const span of spans) {
    let current: PdfFace | null = null;
    for (const char of span.text) {
      const level = levels[index];
      index += char.length;
      const codePoint = char.codePointAt(0) as number;
      // The style's own face when it has the glyph; else stay in the fallback face in use (spaces between CJK).
      let face = faceFor(codePoint, span.style);
      if (face && face !== primaryFace(span.style) && current && current !== face && hasGlyph(current, codePoint)) face = current;
      let drawn = char;
      if (!face) {
        if (IGNORABLE.test(char)) continue;
        face = primaryFace(span.style);
        drawn = REPLACEMENT;
      }
      current = face;
      const last = runs[runs.length - 1];
      if (last && last.face === face && last.level === level) last.text += drawn;
      else runs.push({ text: drawn, face, level });
    }
  }
  return visualOrder(runs).map(({ text: runText, face, level }) => {
    if (level % 2 === 0) return { text: runText, face, rtl: false };
    // fontkit reverses a run only when its script is right-to-left; neutrals alone (brackets, dashes) are
    // reversed and mirrored here.
    if (hasStrongRtl(runText)) return { text: runText, face, rtl: true };
    return { text: [...runText].reverse().map((c) => bidi.getMirroredCharacter(c) ?? c).join(''), face, rtl: false };
  });
}

function hasStrongRtl(text: string): boolean {
  return [...text].some((c) => ['R', 'AL'].includes(bidi.getBidiCharTypeName(c)));
}

/** Rule L2 on whole runs: from the highest level down to the lowest odd one, reverse each stretch at or above it. */
function visualOrder(runs: LogicalRun[]): LogicalRun[] {
  const order = [...runs];
  const highest = Math.max(...order.map((r) => r.level));
  const lowestOdd = Math.min(...order.map((r) => (r.level % 2 === 1 ? r.level : Infinity)));
  for (let level = highest; level >= lowestOdd && level > 0; level--) {
    let start = 0;
    while (start < order.length) {
      if (order[start].level < level) {
        start++;
        continue;
      }
      let end = start;
      while (end + 1 < order.length && order[end + 1].level >= level) end++;
      order.splice(start, end - start + 1, ...order.slice(start, end + 1).reverse());
      start = end + 1;
    }
  }
  return order;
}

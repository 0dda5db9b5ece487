import type * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { fontBytes, primaryFace, verticalMetrics, type FontStyle, type PdfFace } from './pdf-fonts';
import { writeMatchingXmp } from './pdfa-metadata';
import { textRuns, type TextRun, type TextSpan } from './pdf-text-runs';

/** What the PDF says about itself, in its Info dictionary and its XMP metadata. */
export interface ArchivalPdfOptions {
  title: string;
  author: string;
  subject: string;
  margin: number;
  /** The document's language (BCP 47); the product's documents are in English. */
  lang?: string;
}

/** Text set in one style, or spans in several ("Signed by: " bold, then the name). */
export type PdfText = string | readonly TextSpan[];

export interface WriteOptions extends Omit<PDFKit.Mixins.TextOptions, 'continued' | 'features'> {
  size: number;
  style?: FontStyle;
  color?: string;
  x?: number;
  y?: number;
}

const PRIMARY_FACES = { regular: primaryFace('regular'), bold: primaryFace('bold'), mono: primaryFace('mono') };

/** PDF/A-2b: the archival profile for records kept for years (visual appearance preserved, every font embedded). */
export const PDF_A_PART = 2;
export const PDF_A_CONFORMANCE = 'B';
export const PDF_VERSION = '1.7';

/**
 * A PDF the product hands to patients and regulators: PDF/A-2b (XMP metadata declaring it, the sRGB output intent,
 * every font embedded), tagged (headings, paragraphs, lists, tables and figures in a structure tree; rules, boxes
 * and page footers marked as artifacts), and written in fonts that cover every name (see pdf-fonts and
 * pdf-text-runs). Both the consent PDF and the session record are written through it.
 */
export class ArchivalPdf {
  readonly doc: PDFKit.PDFDocument;
  readonly margin: number;
  private readonly root: StructNode;
  private readonly registered = new Set<string>();
  private readonly bytes: Promise<Buffer>;

  constructor(options: ArchivalPdfOptions) {
    this.margin = options.margin;
    const doc = new PDFDocument({
      size: 'LETTER',
      margin: options.margin,
      bufferPages: true,
      subset: `PDF/A-${PDF_A_PART}${PDF_A_CONFORMANCE.toLowerCase()}` as 'PDF/A-2b',
      pdfVersion: PDF_VERSION,
      tagged: true,
      lang: options.lang ?? 'en-US',
      displayTitle: true,
      // Without this pdfkit selects Helvetica, a base-14 font PDF/A forbids unembedded.
      font: primaryFace('regular').file,
      info: {
        Title: printable(options.title),
        Author: printable(options.author),
        Subject: printable(options.subject),
        Creator: 'SkinLedger',
        Producer: 'SkinLedger (PDFKit)',
      },
    });
    this.doc = doc;
    writeMatchingXmp(doc);
    const chunks: Buffer[] = [];
    this.bytes = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    const document = doc.struct('Document');
    doc.addStructure(document);
    this.root = new StructNode(doc, document);
  }

  /** Width of the text area between the margins. */
  get width(): number {
    return this.doc.page.width - 2 * this.margin;
  }

  /** A structure element (H1, P, Figure ...) whose content `draw` writes now. */
  block(tag: string, draw: () => void, options: PDFKit.Mixins.StructureElementOptions = {}): void {
    this.root.block(tag, draw, options);
  }

  /** A structure element holding others (L, Table ...), built by `build`. */
  group(tag: string, build: (group: StructNode) => void): void {
    this.root.group(tag, build);
  }

  /** Drawing that is not content (rules, boxes, page footers): marked so assistive technology skips it. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    try {
      draw();
    } finally {
      this.doc.endMarkedContent();
    }
  }

  /** Starts a new page when fewer than `height` points are left above the bottom margin. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.margin) this.doc.continueOnNewPage();
  }

  /**
   * Writes text at the cursor (or at x, y), wrapping within `width`: split into runs by font coverage and bidi
   * level, each run in its own embedded face, continued on one line.
   */
  write(text: PdfText, options: WriteOptions): void {
    const { size, style = 'regular', color, x, y, ...textOptions } = options;
    if (color) this.doc.fillColor(color);
    this.doc.fontSize(size);
    // Each line is its own bidi paragraph (UAX #9 P1): the visual order never reaches across a line break.
    lines(typeof text === 'string' ? [{ text, style }] : text).forEach((line, i) => {
      if (line.length === 0) this.doc.moveDown(1);
      else this.writeLine(line, textOptions, i === 0 ? x : undefined, i === 0 ? y : undefined);
    });
  }

  private writeLine(spans: TextSpan[], textOptions: PDFKit.Mixins.TextOptions, x: number | undefined, y: number | undefined): void {
    const runs = textRuns(spans);
    runs.forEach((run, i) => {
      this.useFace(run.face);
      if (run.rtl) this.mapLigaturesForRightToLeft(run.text);
      const runOptions: PDFKit.Mixins.TextOptions = { ...textOptions, continued: i < runs.length - 1, ...(run.rtl ? { features: [] } : {}) };
      if (i === 0 && x !== undefined) this.doc.text(run.text, x, y ?? this.doc.y, runOptions);
      else this.doc.text(run.text, runOptions);
    });
  }

  /** One line that never wraps or breaks the page, placed within `width` from x (footers). */
  line(text: PdfText, x: number, y: number, options: { size: number; width: number; align?: 'left' | 'center'; style?: FontStyle; color?: string }): void {
    const runs = textRuns(typeof text === 'string' ? [{ text, style: options.style ?? 'regular' }] : text);
    if (options.color) this.doc.fillColor(options.color);
    this.doc.fontSize(options.size);
    const widths = runs.map((run) => this.runWidth(run));
    const total = widths.reduce((sum, w) => sum + w, 0);
    let left = options.align === 'center' ? x + (options.width - total) / 2 : x;
    runs.forEach((run, i) => {
      this.useFace(run.face);
      if (run.rtl) this.mapLigaturesForRightToLeft(run.text);
      this.doc.text(run.text, left, y, { lineBreak: false, ...(run.rtl ? { features: [] } : {}) });
      left += widths[i];
    });
  }

  /** The height the text takes when written with these options (pdfkit's own measure for one face). */
  heightOf(text: PdfText, options: { size: number; width: number; style?: FontStyle; lineGap?: number }): number {
    const runs = textRuns(typeof text === 'string' ? [{ text, style: options.style ?? 'regular' }] : text);
    this.doc.fontSize(options.size);
    if (runs.length === 0) return 0;
    if (runs.length === 1) {
      this.useFace(runs[0].face);
      return this.doc.heightOfString(runs[0].text, { width: options.width, lineGap: options.lineGap, ...(runs[0].rtl ? { features: [] } : {}) });
    }
    // Several faces: the lines their widths fill (a name set in two scripts rarely wraps at all).
    const total = runs.reduce((sum, run) => sum + this.runWidth(run), 0);
    this.useFace(runs[0].face);
    const lines = Math.max(1, Math.ceil(total / options.width));
    return lines * (this.doc.currentLineHeight(true) + (options.lineGap ?? 0));
  }

  /** Ends the document; resolves to its bytes. */
  end(): Promise<Buffer> {
    this.doc.end();
    return this.bytes;
  }

  private runWidth(run: TextRun): number {
    this.useFace(run.face);
    return this.doc.widthOfString(run.text, run.rtl ? { features: [] } : {});
  }

  /**
   * A ligature glyph stands for several characters (Arabic lam-alef is two). pdfkit maps it in the ToUnicode CMap to
   * them in logical order, but a right-to-left run is drawn in visual order and text extractors reverse it back
   * character by character, which would swap the pair ("العلاج" read as "العالج"). Mapping such glyphs in visual
   * order before pdfkit first encodes them makes the reversal come out right. Uses pdfkit's font internals (its
   * fontkit font, subset and unicode map), which its typings do not declare.
   */
  private mapLigaturesForRightToLeft(text: string): void {
    const font = (this.doc as unknown as { _font: EmbeddedFontInternals })._font;
    for (const glyph of font.font.layout(text, []).glyphs) {
      if (glyph.codePoints.length < 2) continue;
      const gid = font.subset.includeGlyph(glyph.id);
      font.unicode[gid] ??= [...glyph.codePoints].reverse();
    }
  }

  /** Selects the face, registering it with this document on first use (pdfkit embeds only what text uses). */
  private useFace(face: PdfFace): void {
    const first = !this.registered.has(face.name);
    if (first) {
      this.doc.registerFont(face.name, fontBytes(face));
      this.registered.add(face.name);
    }
    this.doc.font(face.name);
    if (first && !Object.values(PRIMARY_FACES).includes(face)) {
      // pdfkit sets each fragment's baseline at the line's top plus the font's ascender; Noto's ascender is taller
      // than DejaVu's, so a fallback run would sit lower than the text around it. Lent DejaVu's vertical metrics
      // (pdfkit's layout figures only; the glyphs are unchanged), every run shares one baseline and line height.
      Object.assign((this.doc as unknown as { _font: EmbeddedFontInternals })._font, verticalMetrics(PRIMARY_FACES.regular));
    }
  }
}

/** What pdfkit's embedded font keeps: the fontkit font it lays text out with, its subset and glyph-to-Unicode map. */
interface EmbeddedFontInternals {
  font: fontkit.Font;
  ascender: number;
  descender: number;
  lineGap: number;
  subset: { includeGlyph(glyphId: number): number };
  unicode: number[][];
}

/** A place in the structure tree that blocks and groups are added to, in reading order. */
export class StructNode {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly element: PDFKit.PDFStructureElement,
  ) {}

  block(tag: string, draw: () => void, options: PDFKit.Mixins.StructureElementOptions = {}): void {
    this.element.add(this.doc.struct(tag, options, [draw]));
  }

  group(tag: string, build: (group: StructNode) => void): void {
    const element = this.doc.struct(tag);
    this.element.add(element);
    build(new StructNode(this.doc, element));
    element.end();
  }
}

/** Spans split at line breaks: one list of spans per line, empty for a blank line. */
function lines(spans: readonly TextSpan[]): TextSpan[][] {
  const result: TextSpan[][] = [[]];
  for (const span of spans) {
    span.text.split(/\r\n|\r|\n|\u2028|\u2029/).forEach((piece, i) => {
      if (i > 0) result.push([]);
      if (piece !== '') result[result.length - 1].push({ text: piece, style: span.style });
    });
  }
  return result;
}

/** Info strings without control characters (they have no place in a title, and XMP cannot hold most of them). */
function printable(text: string): string {
  return [...text].filter((c) => !/\p{Cc}/u.test(c) || c === '\t' || c === '\n' || c === '\r').join('');
}

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A font as poppler's pdffonts lists it. */
export interface PdfFontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  toUnicode: boolean;
}

/** A PDF as tools nobody on the team wrote read it: poppler-utils (pdftotext, pdffonts, pdfinfo) and qpdf. */
export interface PdfReading {
  /** pdftotext's reading order, one text line per line. */
  text: string;
  /** pdftotext -layout: columns kept apart by spaces, as the page shows them. */
  layoutText: string;
  fonts: PdfFontRow[];
  /** pdffonts' own table, as printed. */
  fontsTable: string;
  /** pdfinfo's "Key: value" lines. */
  info: Record<string, string>;
  /** The XMP metadata packet (pdfinfo -meta). */
  xmp: string;
  /** qpdf --check: exit status and what it said. */
  qpdfCheck: { status: number | null; output: string };
}

export function readPdf(pdf: Buffer): PdfReading {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-reading-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const run = (tool: string, args: string[]) => execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
    const fontsTable = run('pdffonts', []);
    const fontLines = fontsTable.split('\n').slice(2).filter((line) => line.trim());
    const fonts = fontLines.map((line) => {
      // name type encoding emb sub uni object ID: the type and encoding may hold spaces, the last five never do.
      const tokens = line.trim().split(/\s+/);
      const [emb, sub, uni] = tokens.slice(-5, -2);
      return { name: tokens[0], type: line.slice(37, 55).trim(), embedded: emb === 'yes', subset: sub === 'yes', toUnicode: uni === 'yes' };
    });
    const info = Object.fromEntries(
      run('pdfinfo', [])
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], m[2]]),
    );
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    return {
      text: run('pdftotext', ['-enc', 'UTF-8']),
      layoutText: run('pdftotext', ['-layout', '-enc', 'UTF-8']),
      fonts,
      fontsTable,
      info,
      xmp: run('pdfinfo', ['-meta']),
      qpdfCheck: { status: check.status, output: `${check.stdout}${check.stderr}` },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * pdftotext wraps right-to-left text in the Unicode embedding controls RLE/LRE ... PDF (U+202A-U+202E) so a plain
 * text viewer shows it in order; they are directional formatting of its output, not characters of the document.
 */
export function withoutBidiControls(text: string): string {
  return text.replace(/[\u202A-\u202E]/g, '');
}

/** The declared PDF/A identification in the XMP packet (pdfaid:part and pdfaid:conformance), as elements or attributes. */
export function pdfaIdentification(xmp: string): { part: string | null; conformance: string | null } {
  const value = (name: string) => new RegExp(`<pdfaid:${name}>\\s*([^<\\s]+)\\s*</pdfaid:${name}>|pdfaid:${name}="([^"]+)"`).exec(xmp);
  const part = value('part');
  const conformance = value('conformance');
  return { part: part ? (part[1] ?? part[2]) : null, conformance: conformance ? (conformance[1] ?? conformance[2]) : null };
}

import { ERYTHEMA_GRADES, indicationLabel, sessionWarningLines } from '@skinledger/domain';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { TreatmentSessionDto } from './treatment-sessions.dto';

export interface SessionRecordPdfInput {
  session: TreatmentSessionDto;
  organizationName: string;
  patientMrn: string;
  patientDateOfBirth: string;
  locationName: string;
  timeZone: string;
  generatedAt: Date;
}

/**
 * DejaVu Sans (the `dejavu-fonts-ttf` package), embedded as a subset: unlike the PDF base-14 fonts (Latin-1 only) it
 * covers Latin Extended, Greek and Cyrillic, so "Zoë Łukasiewicz" or "Анна Петрова" print as typed. Resolved from the
 * installed package, so the tsc-built app and Jest find the same files.
 */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  body: join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  mono: join(FONT_DIR, 'DejaVuSansMono.ttf'),
} as const;

const INK = '#1a1a1a';
const MUTED = '#4a4d52';
const RULE = '#c1c2c5';
const MARGIN = 48;

type Doc = PDFKit.PDFDocument;

/** A date and time on the clinic's clock with its zone ("Dec 2, 2026, 10:31 AM EST"). */
export function clinicDateTime(at: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(at));
}

/** A calendar date ("Dec 2, 2026"), read as the date it is, whatever the server's zone. */
export function calendarDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * The treatment session as a printable record: who, where and when; zones with depth and passes; pen and cartridge
 * lots; topical anaesthetic; the rest of the chart; warnings acknowledged; the practitioner's signature with the
 * record hash sealed in the audit chain; and every addendum in order. An unsigned session prints marked as such.
 */
export function renderSessionRecordPdf(input: SessionRecordPdfInput): Promise<Buffer> {
  const { session: s, timeZone: tz } = input;
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `Treatment session record: ${s.patientName}, ${s.performedOn}`,
      Author: input.organizationName,
      Subject: `Treatment session ${s.id}`,
      Creator: 'SkinLedger',
    },
  });
  doc.registerFont('Body', FONTS.body);
  doc.registerFont('Bold', FONTS.bold);
  doc.registerFont('Mono', FONTS.mono);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  doc.font('Body').fontSize(9).fillColor(MUTED).text(`${input.organizationName}  |  ${input.locationName}  |  MRN ${input.patientMrn}`, { width });
  doc.moveDown(0.5);
  doc.font('Bold').fontSize(18).fillColor(INK).text('Treatment session record', { width });
  if (s.status !== 'signed') {
    doc.moveDown(0.2).font('Bold').fontSize(11).fillColor('#b02a2a').text('NOT SIGNED — in progress: this record may still change', { width });
  }
  doc.moveDown(0.5);

  facts(doc, [
    ['Patient', s.patientName],
    ['Date of birth', calendarDate(input.patientDateOfBirth)],
    ['MRN', input.patientMrn],
    ['Performed on', calendarDate(s.performedOn)],
    ['Location', input.locationName],
    ['Practitioner', s.practitionerName],
    ['Procedure', `${s.procedureKind === 'medical' ? 'Medical needling' : 'Cosmetic needling'} · deepest ${mm(s.maxDepthMm)}`],
    ['Indication', indicationLabel(s.indication)],
    ['Origin', s.appointmentId ? 'Booked appointment' : `Walk-in: ${s.walkInReason ?? '—'}`],
  ]);

  section(doc, 'Zones');
  table(
    doc,
    [
      { title: 'Zone', width: 0.34 },
      { title: 'Depth', width: 0.14, align: 'right' },
      { title: 'Passes', width: 0.12, align: 'right' },
      { title: 'Override reason', width: 0.4 },
    ],
    s.zones.map((z) => [z.label, mm(z.depthMm), String(z.passes), z.overrideReason ?? '—']),
    'No zones charted.',
  );

  section(doc, 'Pen and cartridges');
  line(doc, `Pen: ${s.deviceModel} · serial ${s.deviceSerialNumber}`);
  doc.moveDown(0.3);
  table(
    doc,
    [
      { title: 'Lot', width: 0.16 },
      { title: 'Cartridge', width: 0.34 },
      { title: 'Expires', width: 0.16 },
      { title: 'Opened', width: 0.16 },
      { title: 'Reason', width: 0.18 },
    ],
    s.cartridges.map((c) => [c.lotNumber, c.productName, calendarDate(c.expiresOn), time(c.recordedAt, tz), c.reason ?? 'First cartridge']),
    'No cartridge recorded.',
  );

  section(doc, 'Topical anaesthetic');
  const a = s.anesthetic;
  if (a) {
    facts(doc, [
      ['Product', [a.product, a.strength].filter(Boolean).join(' ')],
      ['Lot', a.lotNumber ?? '—'],
      ['Area', a.area ?? '—'],
      ['Applied', a.appliedAt ? time(a.appliedAt, tz) : '—'],
      ['Removed', a.removedAt ? time(a.removedAt, tz) : '—'],
      ['Minutes on skin', a.minutesOnSkin !== null ? `${a.minutesOnSkin} min` : '—'],
    ]);
  } else {
    line(doc, 'None used.');
  }

  section(doc, 'Treatment');
  facts(doc, [
    ['Technique', s.technique ?? '—'],
    ['Clinical endpoint', s.clinicalEndpoint ?? '—'],
    [`Erythema grade (${ERYTHEMA_GRADES[0]}–${ERYTHEMA_GRADES[ERYTHEMA_GRADES.length - 1]})`, s.erythemaGrade !== null ? String(s.erythemaGrade) : '—'],
    ['Topical products', s.topicalProducts.map((p) => (p.lotNumber ? `${p.name} (lot ${p.lotNumber})` : p.name)).join(', ') || '—'],
    ['After-care given', s.postCareInstructions ? 'Yes' : 'No'],
    ['Photos planned', s.photosPlanned ? 'Yes' : 'No'],
  ]);
  if (s.notes.trim()) {
    doc.moveDown(0.2);
    line(doc, s.notes.trim());
  }

  const warnings = sessionWarningLines(s.preflightWarnings, s.acknowledgements);
  if (warnings.length > 0) {
    section(doc, 'Warnings and acknowledgements');
    for (const w of warnings) bullet(doc, w);
  }

  // The signature, its time and the hash stay on one page.
  ensureSpace(doc, 150);
  section(doc, 'Signature');
  if (s.status === 'signed' && s.signedAt) {
    facts(doc, [
      ['Signed by', `${s.practitionerName} (treating practitioner, password re-confirmed)`],
      ['Signed at', clinicDateTime(s.signedAt, tz)],
    ]);
    labelled(doc, 'Record hash (SHA-256)', s.recordHash ?? 'Not in the audit chain (signed before the chain began)', true);
    doc.font('Body').fontSize(8.5).fillColor(MUTED).text(
      'The hash covers the session exactly as signed (addenda aside) and is sealed in the clinic’s tamper-evident audit chain. ' +
        'The signed record is locked: corrections are the addenda below.',
      MARGIN,
      doc.y,
      { width },
    );
  } else {
    line(doc, 'Not signed yet.');
  }

  section(doc, 'Addenda');
  if (s.addenda.length === 0) line(doc, 'None.');
  s.addenda.forEach((addendum, i) => {
    ensureSpace(doc, 40);
    doc.font('Bold').fontSize(9.5).fillColor(INK).text(`#${i + 1} · ${addendum.authorName} · ${clinicDateTime(addendum.createdAt, tz)}`, MARGIN, doc.y, { width });
    doc.font('Body').fontSize(10).fillColor(INK).text(addendum.text, MARGIN, doc.y, { width });
    doc.moveDown(0.4);
  });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Body').fontSize(7.5).fillColor(MUTED).text(
      `Session ${s.id}  |  ${s.patientName}  |  printed ${clinicDateTime(input.generatedAt, tz)}  |  page ${i + 1} of ${range.count}`,
      MARGIN,
      doc.page.height - MARGIN + 18,
      { width, align: 'center', lineBreak: false },
    );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

const mm = (value: number) => `${value} mm`;
const time = (at: string, tz: string) => new Intl.DateTimeFormat('en-US', { timeZone: tz, timeStyle: 'short' }).format(new Date(at));

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function section(doc: Doc, title: string): void {
  doc.moveDown(0.7);
  ensureSpace(doc, 60);
  doc.font('Bold').fontSize(12.5).fillColor(INK).text(title, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  const y = doc.y + 2;
  doc.lineWidth(0.6).moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).stroke(RULE);
  doc.y = y + 5;
}

function line(doc: Doc, text: string): void {
  doc.font('Body').fontSize(10).fillColor(INK).text(text, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
}

function bullet(doc: Doc, text: string): void {
  ensureSpace(doc, 20);
  const y = doc.y;
  doc.font('Body').fontSize(10).fillColor(INK).text('•', MARGIN + 2, y, { width: 10 });
  doc.text(text, MARGIN + 14, y, { width: doc.page.width - 2 * MARGIN - 14 });
  doc.moveDown(0.15);
}

function labelled(doc: Doc, label: string, value: string, mono = false): void {
  ensureSpace(doc, 30);
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Bold').fontSize(9.5).fillColor(INK).text(`${label}: `, MARGIN, doc.y, { continued: true, width });
  doc.font(mono ? 'Mono' : 'Body').fontSize(mono ? 8.5 : 10).text(value, { width });
}

/** Label/value pairs in two columns. */
function facts(doc: Doc, pairs: [string, string][]): void {
  const width = doc.page.width - 2 * MARGIN;
  const colWidth = (width - 16) / 2;
  for (let i = 0; i < pairs.length; i += 2) {
    const row = pairs.slice(i, i + 2);
    const heights = row.map(([, value]) => {
      doc.font('Body').fontSize(10);
      return 12 + doc.heightOfString(value || '—', { width: colWidth });
    });
    const height = Math.max(...heights);
    ensureSpace(doc, height + 4);
    const y = doc.y;
    row.forEach(([label, value], col) => {
      const x = MARGIN + col * (colWidth + 16);
      doc.font('Body').fontSize(8).fillColor(MUTED).text(label, x, y, { width: colWidth });
      doc.font('Body').fontSize(10).fillColor(INK).text(value || '—', x, y + 11, { width: colWidth });
    });
    doc.x = MARGIN;
    doc.y = y + height + 3;
  }
}

interface Column {
  title: string;
  /** Share of the text width. */
  width: number;
  align?: 'left' | 'right';
}

function table(doc: Doc, columns: Column[], rows: string[][], empty: string): void {
  if (rows.length === 0) {
    line(doc, empty);
    return;
  }
  const total = doc.page.width - 2 * MARGIN;
  const widths = columns.map((c) => c.width * total);
  const pad = 4;
  const drawRow = (cells: string[], header: boolean) => {
    doc.font(header ? 'Bold' : 'Body').fontSize(header ? 8.5 : 9.5);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i] - 2 * pad }))) + 2 * pad;
    ensureSpace(doc, height);
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.fillColor(header ? MUTED : INK).text(cell, x + pad, y + pad, { width: widths[i] - 2 * pad, align: columns[i].align ?? 'left' });
      x += widths[i];
    });
    doc.lineWidth(0.4).moveTo(MARGIN, y + height).lineTo(MARGIN + total, y + height).stroke(RULE);
    doc.x = MARGIN;
    doc.y = y + height;
  };
  drawRow(columns.map((c) => c.title), true);
  for (const row of rows) drawRow(row, false);
}

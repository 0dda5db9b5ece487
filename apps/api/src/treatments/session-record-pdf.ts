import { ERYTHEMA_GRADES, indicationLabel, sessionWarningLines } from '@skinledger/domain';
import { ArchivalPdf, type StructNode } from '../common/pdf/archival-pdf';
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

const INK = '#1a1a1a';
const MUTED = '#4a4d52';
const RULE = '#c1c2c5';
const MARGIN = 48;

type Pdf = ArchivalPdf;

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
 * The treatment session as a printable record, a PDF/A-2b document (common/pdf: embedded fonts for every script,
 * tagged): who, where and when; zones with depth and passes; pen and cartridge lots; topical anaesthetic; the rest of
 * the chart; warnings acknowledged; the practitioner's signature with the record hash sealed in the audit chain; and
 * every addendum in order. An unsigned session prints marked as such.
 */
export function renderSessionRecordPdf(input: SessionRecordPdfInput): Promise<Buffer> {
  const { session: s, timeZone: tz } = input;
  const pdf = new ArchivalPdf({
    title: `Treatment session record: ${s.patientName}, ${s.performedOn}`,
    author: input.organizationName,
    subject: `Treatment session ${s.id}`,
    margin: MARGIN,
  });
  const { doc } = pdf;
  const width = pdf.width;

  pdf.block('P', () => pdf.write(`${input.organizationName}  |  ${input.locationName}  |  MRN ${input.patientMrn}`, { size: 9, color: MUTED, width }));
  doc.moveDown(0.5);
  pdf.block('H1', () => pdf.write('Treatment session record', { size: 18, style: 'bold', color: INK, width }));
  if (s.status !== 'signed') {
    doc.moveDown(0.2);
    pdf.block('P', () => pdf.write('NOT SIGNED — in progress: this record may still change', { size: 11, style: 'bold', color: '#b02a2a', width }));
  }
  doc.moveDown(0.5);

  facts(pdf, [
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

  section(pdf, 'Zones');
  table(
    pdf,
    [
      { title: 'Zone', width: 0.34 },
      { title: 'Depth', width: 0.14, align: 'right' },
      { title: 'Passes', width: 0.12, align: 'right' },
      { title: 'Override reason', width: 0.4 },
    ],
    s.zones.map((z) => [z.label, mm(z.depthMm), String(z.passes), z.overrideReason ?? '—']),
    'No zones charted.',
  );

  section(pdf, 'Pen and cartridges');
  line(pdf, `Pen: ${s.deviceModel} · serial ${s.deviceSerialNumber}`);
  doc.moveDown(0.3);
  table(
    pdf,
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

  section(pdf, 'Topical anaesthetic');
  const a = s.anesthetic;
  if (a) {
    facts(pdf, [
      ['Product', [a.product, a.strength].filter(Boolean).join(' ')],
      ['Lot', a.lotNumber ?? '—'],
      ['Area', a.area ?? '—'],
      ['Applied', a.appliedAt ? time(a.appliedAt, tz) : '—'],
      ['Removed', a.removedAt ? time(a.removedAt, tz) : '—'],
      ['Minutes on skin', a.minutesOnSkin !== null ? `${a.minutesOnSkin} min` : '—'],
    ]);
  } else {
    line(pdf, 'None used.');
  }

  section(pdf, 'Treatment');
  facts(pdf, [
    ['Technique', s.technique ?? '—'],
    ['Clinical endpoint', s.clinicalEndpoint ?? '—'],
    [`Erythema grade (${ERYTHEMA_GRADES[0]}–${ERYTHEMA_GRADES[ERYTHEMA_GRADES.length - 1]})`, s.erythemaGrade !== null ? String(s.erythemaGrade) : '—'],
    ['Topical products', s.topicalProducts.map((p) => (p.lotNumber ? `${p.name} (lot ${p.lotNumber})` : p.name)).join(', ') || '—'],
    ['After-care given', s.postCareInstructions ? 'Yes' : 'No'],
    ['Photos planned', s.photosPlanned ? 'Yes' : 'No'],
  ]);
  if (s.notes.trim()) {
    doc.moveDown(0.2);
    line(pdf, s.notes.trim());
  }

  const warnings = sessionWarningLines(s.preflightWarnings, s.acknowledgements);
  if (warnings.length > 0) {
    section(pdf, 'Warnings and acknowledgements');
    for (const w of warnings) bullet(pdf, w);
  }

  // The signature, its time and the hash stay on one page.
  pdf.ensureSpace(150);
  section(pdf, 'Signature');
  if (s.status === 'signed' && s.signedAt) {
    facts(pdf, [
      // The name first and a comma after it: a right-to-left name then reads back whole (see common/pdf).
      ['Signed by', `${s.practitionerName}, treating practitioner, password re-confirmed`],
      ['Signed at', clinicDateTime(s.signedAt, tz)],
    ]);
    labelled(pdf, 'Record hash (SHA-256)', s.recordHash ?? 'Not in the audit chain (signed before the chain began)', true);
    pdf.block('P', () =>
      pdf.write(
        'The hash covers the session exactly as signed (addenda aside) and is sealed in the clinic’s tamper-evident audit chain. ' +
          'The signed record is locked: corrections are the addenda below.',
        { size: 8.5, color: MUTED, x: MARGIN, y: doc.y, width },
      ),
    );
  } else {
    line(pdf, 'Not signed yet.');
  }

  section(pdf, 'Addenda');
  if (s.addenda.length === 0) line(pdf, 'None.');
  s.addenda.forEach((addendum, i) => {
    pdf.ensureSpace(40);
    // The author's name ends the heading line, so a right-to-left name reads back whole.
    pdf.block('H3', () => pdf.write(`#${i + 1} · ${clinicDateTime(addendum.createdAt, tz)} · ${addendum.authorName}`, { size: 9.5, style: 'bold', color: INK, x: MARGIN, y: doc.y, width }));
    pdf.block('P', () => pdf.write(addendum.text, { size: 10, color: INK, x: MARGIN, y: doc.y, width }));
    doc.moveDown(0.4);
  });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    pdf.artifact(() => {
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      pdf.line(
        `Session ${s.id}  |  ${s.patientName}, printed ${clinicDateTime(input.generatedAt, tz)}  |  page ${i + 1} of ${range.count}`,
        MARGIN,
        doc.page.height - MARGIN + 18,
        { size: 7.5, color: MUTED, width, align: 'center' },
      );
      doc.page.margins.bottom = bottom;
    }, 'Pagination');
  }
  return pdf.end();
}

const mm = (value: number) => `${value} mm`;
const time = (at: string, tz: string) => new Intl.DateTimeFormat('en-US', { timeZone: tz, timeStyle: 'short' }).format(new Date(at));

function section(pdf: Pdf, title: string): void {
  const { doc } = pdf;
  doc.moveDown(0.7);
  pdf.ensureSpace(60);
  pdf.block('H2', () => pdf.write(title, { size: 12.5, style: 'bold', color: INK, x: MARGIN, y: doc.y, width: pdf.width }));
  const y = doc.y + 2;
  pdf.artifact(() => doc.lineWidth(0.6).moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).stroke(RULE));
  doc.y = y + 5;
}

function line(pdf: Pdf, text: string): void {
  pdf.block('P', () => pdf.write(text, { size: 10, color: INK, x: MARGIN, y: pdf.doc.y, width: pdf.width }));
}

function bullet(pdf: Pdf, text: string): void {
  pdf.ensureSpace(20);
  const y = pdf.doc.y;
  pdf.block('LI', () => {
    pdf.write('•', { size: 10, color: INK, x: MARGIN + 2, y, width: 10 });
    pdf.write(text, { size: 10, color: INK, x: MARGIN + 14, y, width: pdf.width - 14 });
  });
  pdf.doc.moveDown(0.15);
}

function labelled(pdf: Pdf, label: string, value: string, mono = false): void {
  pdf.ensureSpace(30);
  pdf.block('P', () =>
    pdf.write(
      [
        { text: `${label}: `, style: 'bold' },
        { text: value, style: mono ? 'mono' : 'regular' },
      ],
      { size: mono ? 8.5 : 10, color: INK, x: MARGIN, y: pdf.doc.y, width: pdf.width },
    ),
  );
}

/** Label/value pairs in two columns. */
function facts(pdf: Pdf, pairs: [string, string][]): void {
  const { doc } = pdf;
  const colWidth = (pdf.width - 16) / 2;
  for (let i = 0; i < pairs.length; i += 2) {
    const row = pairs.slice(i, i + 2);
    const height = Math.max(...row.map(([, value]) => 12 + pdf.heightOf(value || '—', { size: 10, width: colWidth })));
    pdf.ensureSpace(height + 4);
    const y = doc.y;
    row.forEach(([label, value], col) => {
      const x = MARGIN + col * (colWidth + 16);
      pdf.block('P', () => {
        pdf.write(label, { size: 8, color: MUTED, x, y, width: colWidth });
        pdf.write(value || '—', { size: 10, color: INK, x, y: y + 11, width: colWidth });
      });
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

function table(pdf: Pdf, columns: Column[], rows: string[][], empty: string): void {
  if (rows.length === 0) {
    line(pdf, empty);
    return;
  }
  const { doc } = pdf;
  const total = pdf.width;
  const widths = columns.map((c) => c.width * total);
  const pad = 4;
  const drawRow = (group: StructNode, cells: string[], header: boolean) => {
    const size = header ? 8.5 : 9.5;
    const style = header ? 'bold' : 'regular';
    const height = Math.max(...cells.map((cell, i) => pdf.heightOf(cell, { size, style, width: widths[i] - 2 * pad }))) + 2 * pad;
    pdf.ensureSpace(height);
    const y = doc.y;
    let x = MARGIN;
    group.group('TR', (row) => {
      cells.forEach((cell, i) => {
        const left = x;
        row.block(header ? 'TH' : 'TD', () =>
          pdf.write(cell, { size, style, color: header ? MUTED : INK, x: left + pad, y: y + pad, width: widths[i] - 2 * pad, align: columns[i].align ?? 'left' }),
        );
        x += widths[i];
      });
    });
    pdf.artifact(() => doc.lineWidth(0.4).moveTo(MARGIN, y + height).lineTo(MARGIN + total, y + height).stroke(RULE));
    doc.x = MARGIN;
    doc.y = y + height;
  };
  pdf.group('Table', (tableNode) => {
    drawRow(tableNode, columns.map((c) => c.title), true);
    for (const row of rows) drawRow(tableNode, row, false);
  });
}

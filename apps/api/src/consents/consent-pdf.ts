import { CONSENT_KIND_LABELS, inlineRuns, parseConsentMarkdown } from '@skinledger/domain';
import { ArchivalPdf, type PdfText } from '../common/pdf/archival-pdf';
import type { TextSpan } from '../common/pdf/pdf-text-runs';
import type { ConsentAppointment } from './consent-appointments.queries';
import type { ConsentRecord } from './consent.entities';
import { parseSignatureDataUrl } from './signature-image';

/** One line of the certificate's audit trail. */
export interface ConsentTrailEntry {
  at: Date;
  event: string;
  by: string;
  detail: string;
}

export interface ConsentPdfInput {
  record: ConsentRecord;
  /** The appointment the consent was prepared for, or null. */
  appointment: ConsentAppointment | null;
  patientMrn: string;
  organizationName: string;
  status: string;
  validThrough: string | null;
  trail: ConsentTrailEntry[];
  generatedAt: Date;
}

const INK = '#1a1a1a';
const MUTED = '#5c5f66';
const MARGIN = 56;

/** A date and time on the clinic's clock, with its zone ("Mar 10, 2026, 10:30:15 PM EDT"). */
export function clinicTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'medium', timeStyle: 'long' }).format(at);
}

/** An appointment's start on its location's clock, to the minute ("Dec 2, 2026, 10:30 AM EST"). */
export function appointmentTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(at);
}

/** The appointment a consent names, in words ("Acne-scar needling (medical), Dec 2, 2026, 10:30 AM EST"). */
export function appointmentInWords(appointment: ConsentAppointment): string {
  return `${appointment.serviceName}, ${appointmentTime(appointment.startsAt, appointment.timeZone)}`;
}

/**
 * The signed consent as a PDF/A-2b document (common/pdf: embedded fonts for every script, tagged): the document as
 * signed (headings, paragraphs, lists), the acknowledgements with their ticks, the signature image, signer and
 * witness with times on the clinic's clock; then a certificate page with the audit trail, the template version and
 * the hashes, in the manner of e-signature completion certificates.
 */
export function renderConsentPdf(input: ConsentPdfInput): Promise<Buffer> {
  const { record } = input;
  const pdf = new ArchivalPdf({ title: record.title, author: input.organizationName, subject: `Signed consent ${record.id}`, margin: MARGIN });
  const { doc } = pdf;
  const width = pdf.width;
  const tz = record.timeZone;

  pdf.block('P', () =>
    pdf.write(`${input.organizationName}  |  ${CONSENT_KIND_LABELS[record.kind]} consent  |  MRN ${input.patientMrn}`, { size: 9, color: MUTED, width }),
  );
  doc.moveDown(0.8).fillColor(INK);
  writeMarkdown(pdf, record.body, width);

  doc.moveDown(0.6);
  heading(pdf, 'H2', 'Acknowledgements', 13);
  pdf.group('L', (list) => {
    for (const item of record.acknowledgements) {
      const ticked = record.acceptedAcknowledgements?.includes(item.key) ?? false;
      pdf.ensureSpace(30);
      const y = doc.y;
      pdf.artifact(() => {
        doc.lineWidth(1).rect(MARGIN, y + 1, 10, 10).stroke(INK);
        if (ticked) doc.lineWidth(1.6).moveTo(MARGIN + 2, y + 6).lineTo(MARGIN + 4.5, y + 9).lineTo(MARGIN + 9, y + 2.5).stroke(INK);
      });
      // The state before the text: after it, a right-to-left text would pull the separator into its reversed section.
      const state = `${ticked ? 'Ticked' : 'Not ticked'}${item.required || /optional/i.test(item.text) ? '' : ', optional'}`;
      list.block('LI', () =>
        pdf.write(`${state}: ${item.text}`, {
          size: 10.5,
          color: INK,
          x: MARGIN + 18,
          y,
          width: width - 18,
        }),
      );
      doc.x = MARGIN;
      doc.moveDown(0.3);
    }
  });

  doc.moveDown(0.6);
  // The signature block (heading, disclosure, image, practitioner, signer and witness lines) stays on one page.
  pdf.ensureSpace(330);
  heading(pdf, 'H2', 'Signature', 13);
  pdf.block('P', () =>
    pdf.write('The patient agreed to sign electronically, having been told of the right to a paper copy and to withdraw that agreement.', { size: 10.5, color: INK, width }),
  );
  doc.moveDown(0.4);
  const boxTop = doc.y;
  pdf.artifact(() => doc.lineWidth(0.5).rect(MARGIN, boxTop, 260, 100).stroke('#c1c2c5'));
  const signature = record.signature;
  if (signature) {
    pdf.block('Figure', () => drawSignature(doc, signature, MARGIN + 5, boxTop + 5, 250, 90), { alt: `Signature of ${record.signerName ?? 'the patient'}` });
  }
  doc.y = boxTop + 108;
  doc.x = MARGIN;
  field(pdf, 'Treating practitioner', record.placeholderValues.practitioner);
  if (input.appointment) field(pdf, 'Appointment', appointmentInWords(input.appointment));
  field(pdf, 'Signed by', record.signerName ? `${record.signerName}${record.signedRemotely ? ' (signed remotely)' : ''}` : '-');
  field(pdf, 'Signed at', record.signedAt ? clinicTime(record.signedAt, tz) : '-');
  field(pdf, 'Witnessed by', record.witnessName ?? 'Not witnessed');
  if (record.witnessedAt) field(pdf, 'Witnessed at', clinicTime(record.witnessedAt, tz));
  if (record.revokedAt) field(pdf, 'REVOKED', `${clinicTime(record.revokedAt, tz)}: ${record.revocationReason ?? ''}`);

  // Certificate page.
  doc.continueOnNewPage();
  heading(pdf, 'H1', 'Certificate of completion', 18);
  pdf.block('P', () =>
    pdf.write('Evidence of the electronic signature (US ESIGN Act / UETA): who signed, how, when, from which device, and a hash of exactly what was signed.', {
      size: 10,
      color: MUTED,
      width,
    }),
  );
  doc.moveDown(0.8).fillColor(INK);
  field(pdf, 'Document', record.title);
  field(pdf, 'Consent id', record.id);
  field(pdf, 'Template', `${record.templateId}, version ${record.templateVersion}`);
  field(pdf, 'Patient', `${record.placeholderValues.patientName}, born ${record.placeholderValues.dateOfBirth}, MRN ${input.patientMrn}`);
  // A name ends its line or is followed by a comma: text extractors (poppler) carry a space or bracket after a
  // right-to-left name into its reversed section, but stop at a comma.
  field(
    pdf,
    'Treating practitioner',
    record.practitionerId
      ? `${record.placeholderValues.practitioner}, staff id ${record.practitionerId}`
      : `${record.placeholderValues.practitioner}, as named in the text (recorded before practitioners were identified)`,
  );
  if (input.appointment) field(pdf, 'Appointment', `${appointmentInWords(input.appointment)} (id ${input.appointment.id})`);
  field(pdf, 'Signer identified as', record.signerName ?? '-');
  field(
    pdf,
    'Identified by',
    record.signedRemotely
      ? "typed full name, drawn signature and date of birth checked against the record, signed remotely through the patient's own manage link (e-mailed to her)"
      : "typed full name and drawn signature, in person on the clinic's tablet",
  );
  field(pdf, 'Status', `${input.status}${input.validThrough ? `, valid through ${input.validThrough}` : ''}`);
  field(pdf, 'Time zone', tz);
  doc.moveDown(0.6);
  heading(pdf, 'H2', 'Audit trail', 13);
  for (const entry of input.trail) {
    pdf.ensureSpace(50);
    pdf.block('P', () => {
      pdf.write(`${clinicTime(entry.at, tz)}  ${entry.event}`, { size: 10, style: 'bold', color: INK, width });
      pdf.write(`${entry.by}${entry.detail ? `. ${entry.detail}` : ''}`, { size: 9.5, color: MUTED, width });
    });
    doc.moveDown(0.4);
  }
  doc.moveDown(0.6).fillColor(INK);
  heading(pdf, 'H2', 'Integrity', 13);
  field(pdf, 'Content SHA-256', record.contentHash ?? '-', true);
  field(pdf, 'Record SHA-256 (with witness)', record.recordHash ?? 'Not witnessed yet', true);
  pdf.block('P', () => {
    pdf.write(
      'The content hash is computed over the canonical JSON of the signed text, the template id and version, the acknowledgements offered and ticked, ' +
        'the consent to sign electronically, the typed name, the signature image, the signing time, IP address and user agent' +
        (record.practitionerId ? ', the treating practitioner and the appointment' : '') +
        '. The record hash chains the witness to it. SkinLedger recomputes both on request (verify).',
      { size: 9, color: MUTED, width },
    );
    doc.moveDown(0.4);
    pdf.write(`Generated ${clinicTime(input.generatedAt, tz)}`, { size: 9, color: MUTED, width });
  });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    pdf.artifact(() => {
      // Writing inside the bottom margin would otherwise start a new page.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      pdf.line(`Consent ${record.id}  |  page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN + 20, { size: 8, color: MUTED, width, align: 'center' });
      doc.page.margins.bottom = bottom;
    }, 'Pagination');
  }
  return pdf.end();
}

type Doc = PDFKit.PDFDocument;

function heading(pdf: ArchivalPdf, tag: 'H1' | 'H2' | 'H3', text: string, size: number): void {
  pdf.ensureSpace(size * 3);
  pdf.block(tag, () => pdf.write(text, { size, style: 'bold', color: INK, x: MARGIN, y: pdf.doc.y, width: pdf.width }));
  pdf.doc.moveDown(0.3);
}

function field(pdf: ArchivalPdf, label: string, value: string, mono = false): void {
  pdf.ensureSpace(30);
  const spans: TextSpan[] = [
    { text: `${label}: `, style: 'bold' },
    { text: value, style: mono ? 'mono' : 'regular' },
  ];
  // The label and its value are one line of text; a hash is set a little smaller, in the mono face.
  pdf.block('P', () => pdf.write(spans, { size: mono ? 9.5 : 10, color: INK, x: MARGIN, y: pdf.doc.y, width: pdf.width }));
}

/** A line of the form's text with its **bold** runs. */
function inline(line: string): PdfText {
  return inlineRuns(line).map((run) => ({ text: run.text, style: run.bold ? 'bold' : 'regular' }) as TextSpan);
}

/** Text with **bold** runs; each line of a paragraph on its own line (one write per line keeps the breaks). */
function richText(pdf: ArchivalPdf, text: string, options: { size: number; width: number; lineGap?: number }): void {
  const x = pdf.doc.x;
  for (const line of text.split('\n')) {
    const spans = inline(line);
    if (spans.length === 0) continue;
    pdf.write(spans, { ...options, color: INK, x, y: pdf.doc.y });
  }
}

function writeMarkdown(pdf: ArchivalPdf, markdown: string, width: number): void {
  const { doc } = pdf;
  for (const block of parseConsentMarkdown(markdown)) {
    if (block.type === 'heading') {
      doc.moveDown(block.level === 1 ? 0 : 0.4);
      heading(pdf, block.level === 1 ? 'H1' : block.level === 2 ? 'H2' : 'H3', block.text, block.level === 1 ? 17 : block.level === 2 ? 13 : 11.5);
    } else if (block.type === 'paragraph') {
      pdf.ensureSpace(28);
      doc.x = MARGIN;
      pdf.block('P', () => richText(pdf, block.text, { size: 10.5, width, lineGap: 2 }));
      doc.moveDown(0.5);
    } else {
      pdf.group('L', (list) => {
        block.items.forEach((item, i) => {
          pdf.ensureSpace(20);
          const y = doc.y;
          list.block('LI', () => {
            pdf.write(block.ordered ? `${i + 1}.` : '\u2022', { size: 10.5, color: INK, x: MARGIN + 4, y, width: 14 });
            doc.y = y;
            doc.x = MARGIN + 20;
            richText(pdf, item, { size: 10.5, width: width - 20, lineGap: 2 });
          });
          doc.moveDown(0.15);
        });
      });
      doc.x = MARGIN;
      doc.moveDown(0.4);
    }
  }
}

/** PNG signatures are embedded as they are; SVG ones (signature_pad's toSVG) are redrawn from their paths and dots. */
function drawSignature(doc: Doc, dataUrl: string, x: number, y: number, w: number, h: number): void {
  const image = parseSignatureDataUrl(dataUrl);
  if (image.mediaType === 'image/png') {
    doc.image(image.bytes, x, y, { fit: [w, h], align: 'center', valign: 'center' });
    return;
  }
  const svg = image.bytes.toString('utf8');
  const viewBox = /viewBox\s*=\s*["']\s*([-\d.]+)[\s,]+([-\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(svg);
  const sw = Number(viewBox?.[3] ?? /\bwidth\s*=\s*["']([\d.]+)/i.exec(svg)?.[1] ?? w);
  const sh = Number(viewBox?.[4] ?? /\bheight\s*=\s*["']([\d.]+)/i.exec(svg)?.[1] ?? h);
  const scale = Math.min(w / (sw || w), h / (sh || h));
  doc.save();
  doc.translate(x - Number(viewBox?.[1] ?? 0) * scale, y - Number(viewBox?.[2] ?? 0) * scale);
  doc.scale(scale);
  try {
    for (const m of svg.matchAll(/<path\b([^>]*)>/gi)) {
      const d = /\sd\s*=\s*["']([^"']+)["']/i.exec(m[1])?.[1];
      if (!d) continue;
      const stroked = /fill\s*=\s*["']none["']/i.test(m[1]);
      const strokeWidth = Number(/stroke-width\s*=\s*["']([\d.]+)/i.exec(m[1])?.[1] ?? 2);
      if (stroked) doc.path(d).lineWidth(strokeWidth).lineCap('round').lineJoin('round').stroke(INK);
      else doc.path(d).fill(INK);
    }
    for (const m of svg.matchAll(/<circle\b([^>]*)>/gi)) {
      const num = (name: string) => Number(new RegExp(`\\s${name}\\s*=\\s*["']([-\\d.]+)`, 'i').exec(m[1])?.[1] ?? NaN);
      const [cx, cy, r] = [num('cx'), num('cy'), num('r')];
      if ([cx, cy, r].every(Number.isFinite)) doc.circle(cx, cy, r).fill(INK);
    }
  } finally {
    doc.restore();
  }
}

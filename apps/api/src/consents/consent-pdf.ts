import { CONSENT_KIND_LABELS, inlineRuns, parseConsentMarkdown } from '@skinledger/domain';
import PDFDocument from 'pdfkit';
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
 * The signed consent as a PDF: the document as signed (headings, paragraphs, lists), the acknowledgements with their
 * ticks, the signature image, signer and witness with times on the clinic's clock; then a certificate page with the
 * audit trail, the template version and the hashes, in the manner of e-signature completion certificates.
 */
export function renderConsentPdf(input: ConsentPdfInput): Promise<Buffer> {
  const { record } = input;
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: record.title, Author: input.organizationName, Subject: `Signed consent ${record.id}`, Creator: 'SkinLedger' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const tz = record.timeZone;

  doc.fillColor(MUTED).font('Helvetica').fontSize(9)
    .text(`${input.organizationName}  |  ${CONSENT_KIND_LABELS[record.kind]} consent  |  MRN ${input.patientMrn}`, { width });
  doc.moveDown(0.8).fillColor(INK);
  writeMarkdown(doc, record.body, width);

  doc.moveDown(0.6);
  heading(doc, 'Acknowledgements', 13);
  for (const item of record.acknowledgements) {
    const ticked = record.acceptedAcknowledgements?.includes(item.key) ?? false;
    ensureSpace(doc, 30);
    const y = doc.y;
    doc.lineWidth(1).rect(MARGIN, y + 1, 10, 10).stroke(INK);
    if (ticked) doc.lineWidth(1.6).moveTo(MARGIN + 2, y + 6).lineTo(MARGIN + 4.5, y + 9).lineTo(MARGIN + 9, y + 2.5).stroke(INK);
    doc.font('Helvetica').fontSize(10.5).fillColor(INK)
      .text(`${item.text}${item.required || /optional/i.test(item.text) ? '' : ' (optional)'}  ${ticked ? '- ticked' : '- not ticked'}`, MARGIN + 18, y, { width: width - 18 });
    doc.x = MARGIN;
    doc.moveDown(0.3);
  }

  doc.moveDown(0.6);
  // The signature block (heading, disclosure, image, practitioner, signer and witness lines) stays on one page.
  ensureSpace(doc, 330);
  heading(doc, 'Signature', 13);
  doc.font('Helvetica').fontSize(10.5).fillColor(INK)
    .text('The patient agreed to sign electronically, having been told of the right to a paper copy and to withdraw that agreement.', { width });
  doc.moveDown(0.4);
  const boxTop = doc.y;
  doc.lineWidth(0.5).rect(MARGIN, boxTop, 260, 100).stroke('#c1c2c5');
  if (record.signature) drawSignature(doc, record.signature, MARGIN + 5, boxTop + 5, 250, 90);
  doc.y = boxTop + 108;
  doc.x = MARGIN;
  field(doc, 'Treating practitioner', record.placeholderValues.practitioner);
  if (input.appointment) field(doc, 'Appointment', appointmentInWords(input.appointment));
  field(doc, 'Signed by', record.signerName ?? '-');
  field(doc, 'Signed at', record.signedAt ? clinicTime(record.signedAt, tz) : '-');
  field(doc, 'Witnessed by', record.witnessName ?? 'Not witnessed');
  if (record.witnessedAt) field(doc, 'Witnessed at', clinicTime(record.witnessedAt, tz));
  if (record.revokedAt) field(doc, 'REVOKED', `${clinicTime(record.revokedAt, tz)}: ${record.revocationReason ?? ''}`);

  // Certificate page.
  doc.addPage();
  heading(doc, 'Certificate of completion', 18);
  doc.font('Helvetica').fontSize(10).fillColor(MUTED)
    .text('Evidence of the electronic signature (US ESIGN Act / UETA): who signed, how, when, from which device, and a hash of exactly what was signed.', { width });
  doc.moveDown(0.8).fillColor(INK);
  field(doc, 'Document', record.title);
  field(doc, 'Consent id', record.id);
  field(doc, 'Template', `${record.templateId}, version ${record.templateVersion}`);
  field(doc, 'Patient', `${record.placeholderValues.patientName}, born ${record.placeholderValues.dateOfBirth}, MRN ${input.patientMrn}`);
  field(doc, 'Treating practitioner', record.practitionerId ? `${record.placeholderValues.practitioner} (staff id ${record.practitionerId})` : `${record.placeholderValues.practitioner} (as named in the text; recorded before practitioners were identified)`);
  if (input.appointment) field(doc, 'Appointment', `${appointmentInWords(input.appointment)} (id ${input.appointment.id})`);
  field(doc, 'Signer identified as', `${record.signerName ?? '-'} (typed full name and drawn signature, in person on the clinic's tablet)`);
  field(doc, 'Status', `${input.status}${input.validThrough ? `, valid through ${input.validThrough}` : ''}`);
  field(doc, 'Time zone', tz);
  doc.moveDown(0.6);
  heading(doc, 'Audit trail', 13);
  for (const entry of input.trail) {
    ensureSpace(doc, 50);
    doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(`${clinicTime(entry.at, tz)}  ${entry.event}`, { width });
    doc.font('Helvetica').fontSize(9.5).fillColor(MUTED).text(`${entry.by}${entry.detail ? `. ${entry.detail}` : ''}`, { width });
    doc.moveDown(0.4);
  }
  doc.moveDown(0.6).fillColor(INK);
  heading(doc, 'Integrity', 13);
  field(doc, 'Content SHA-256', record.contentHash ?? '-', true);
  field(doc, 'Record SHA-256 (with witness)', record.recordHash ?? 'Not witnessed yet', true);
  doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(
    'The content hash is computed over the canonical JSON of the signed text, the template id and version, the acknowledgements offered and ticked, ' +
      'the consent to sign electronically, the typed name, the signature image, the signing time, IP address and user agent' +
      (record.practitionerId ? ', the treating practitioner and the appointment' : '') +
      '. The record hash chains the witness to it. SkinLedger recomputes both on request (verify).',
    { width },
  );
  doc.moveDown(0.4).text(`Generated ${clinicTime(input.generatedAt, tz)}`, { width });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor(MUTED)
      .text(`Consent ${record.id}  |  page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN + 20, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function heading(doc: Doc, text: string, size: number): void {
  ensureSpace(doc, size * 3);
  doc.font('Helvetica-Bold').fontSize(size).fillColor(INK).text(text, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.3);
}

function field(doc: Doc, label: string, value: string, mono = false): void {
  ensureSpace(doc, 30);
  doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(`${label}: `, MARGIN, doc.y, { continued: true });
  doc.font(mono ? 'Courier' : 'Helvetica').fontSize(mono ? 9 : 10).text(value, { width: doc.page.width - 2 * MARGIN });
}

/** Text with **bold** runs; each line of a paragraph on its own line (pdfkit drops a line break ending a continued run). */
function richText(doc: Doc, text: string, options: PDFKit.Mixins.TextOptions & { size: number }): void {
  const x = doc.x;
  for (const line of text.split('\n')) {
    const runs = inlineRuns(line);
    if (runs.length === 0) continue;
    doc.x = x;
    runs.forEach((run, i) => {
      doc.font(run.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(options.size).text(run.text, { ...options, continued: i < runs.length - 1 });
    });
  }
}

function writeMarkdown(doc: Doc, markdown: string, width: number): void {
  for (const block of parseConsentMarkdown(markdown)) {
    if (block.type === 'heading') {
      doc.moveDown(block.level === 1 ? 0 : 0.4);
      heading(doc, block.text, block.level === 1 ? 17 : block.level === 2 ? 13 : 11.5);
    } else if (block.type === 'paragraph') {
      ensureSpace(doc, 28);
      doc.x = MARGIN;
      richText(doc, block.text, { size: 10.5, width, lineGap: 2 });
      doc.moveDown(0.5);
    } else {
      block.items.forEach((item, i) => {
        ensureSpace(doc, 20);
        const y = doc.y;
        doc.font('Helvetica').fontSize(10.5).text(block.ordered ? `${i + 1}.` : '\u2022', MARGIN + 4, y, { width: 14 });
        doc.y = y;
        doc.x = MARGIN + 20;
        richText(doc, item, { size: 10.5, width: width - 20, lineGap: 2 });
        doc.moveDown(0.15);
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

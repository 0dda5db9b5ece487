import { pdfaIdentification, readPdf } from '../../../test/pdf-tools';
import { ArchivalPdf, PDF_A_CONFORMANCE, PDF_A_PART, PDF_VERSION } from './archival-pdf';

async function sample(title: string, author: string, body: string): Promise<Buffer> {
  const pdf = new ArchivalPdf({ title, author, subject: 'A sample', margin: 48 });
  pdf.block('H1', () => pdf.write(title, { size: 16, style: 'bold', width: pdf.width }));
  pdf.block('P', () => pdf.write(body, { size: 10, width: pdf.width }));
  pdf.artifact(() => pdf.line('page 1 of 1', 48, pdf.doc.page.height - 30, { size: 8, width: pdf.width, align: 'center' }), 'Pagination');
  return pdf.end();
}

describe('an archival PDF', () => {
  it('declares PDF/A-2b in well-formed XMP that agrees with the Info dictionary, even for "&" and "<" in its title', async () => {
    const reading = readPdf(await sample('Consent <draft> & notes', 'Skin & Laser “Harbour”', 'Hello'));
    expect({ part: PDF_A_PART, conformance: PDF_A_CONFORMANCE, version: PDF_VERSION }).toEqual({ part: 2, conformance: 'B', version: '1.7' });
    expect(pdfaIdentification(reading.xmp)).toEqual({ part: '2', conformance: 'B' });
    expect(reading.xmp).toContain('<rdf:li xml:lang="x-default">Consent &lt;draft&gt; &amp; notes</rdf:li>');
    expect(reading.xmp).toContain('<rdf:li>Skin &amp; Laser “Harbour”</rdf:li>');
    expect(reading.xmp).toContain('<pdf:Producer>SkinLedger (PDFKit)</pdf:Producer>');
    expect(reading.info).toMatchObject({ Title: 'Consent <draft> & notes', Author: 'Skin & Laser “Harbour”', Producer: 'SkinLedger (PDFKit)', Creator: 'SkinLedger', Tagged: 'yes', 'PDF version': '1.7' });
    expect(reading.qpdfCheck.status).toBe(0);
  });

  it('embeds only the faces its text uses, each with a ToUnicode map, and none of the base-14 fonts', async () => {
    const reading = readPdf(await sample('Plain', 'Clinic', 'Only Latin here.'));
    expect(reading.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toEqual(['DejaVuSans-Bold', 'DejaVuSans']);
    expect(reading.fonts.every((f) => f.embedded && f.subset && f.toUnicode)).toBe(true);
  });

  it('reads back Arabic with its lam-alef ligature in logical order', async () => {
    const reading = readPdf(await sample('Arabic', 'Clinic', 'Treatment: العلاج بالضوء, done.'));
    expect(reading.text.replace(/[\u202A-\u202E]/g, '')).toContain('Treatment: العلاج بالضوء, done.');
  });
});

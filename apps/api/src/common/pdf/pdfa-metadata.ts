/** The document information a PDF carries twice: in its Info dictionary and in its XMP metadata. */
export interface PdfInfo {
  Title: string;
  Author: string;
  Subject: string;
  Creator: string;
  Producer: string;
  CreationDate: Date;
}

/** What pdfkit keeps of the metadata it writes at the end (not in its typings). */
interface PdfkitMetadata {
  info: PdfInfo;
  appendXML(xml: string, newline?: boolean): void;
  _addInfo(): void;
}

/**
 * pdfkit (0.17) pastes the Info values into the XMP unescaped, so a clinic called "Skin & Laser" would make the
 * metadata ill-formed XML, and it names the Creator as pdf:Producer, which then disagrees with the Info dictionary.
 * PDF/A requires well-formed XMP that agrees with Info; this writes the same properties escaped and matched.
 */
export function writeMatchingXmp(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as PdfkitMetadata;
  internals._addInfo = () => internals.appendXML(xmpInfo(internals.info));
}

export function xmpInfo(info: PdfInfo): string {
  const created = `${info.CreationDate.toISOString().split('.')[0]}Z`;
  return `
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
  <xmp:CreateDate>${created}</xmp:CreateDate>
  <xmp:CreatorTool>${xml(info.Creator)}</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:format>application/pdf</dc:format>
  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Title)}</rdf:li></rdf:Alt></dc:title>
  <dc:creator><rdf:Seq><rdf:li>${xml(info.Author)}</rdf:li></rdf:Seq></dc:creator>
  <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Subject)}</rdf:li></rdf:Alt></dc:description>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
  <pdf:Producer>${xml(info.Producer)}</pdf:Producer>
</rdf:Description>`;
}

/** Text as XML character data; characters XML 1.0 cannot hold are dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

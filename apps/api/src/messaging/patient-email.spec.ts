import { simpleParser } from 'mailparser';
import { noticeLine, patientEmail } from './patient-email';
import { SmtpTransport } from './transports';

const hostile = {
  locale: 'en-GB',
  firstName: '<img src=x onerror=alert(1)>',
  news: 'your <b>Peel</b> & "glow" at <i>Main</i> on Wednesday, 2 December 2026 at 10:30 is booked.',
  contact: 'Call 020 7946 0958 to change it.',
  serviceName: '<script>alert(1)</script>',
  when: 'Wednesday, 2 December 2026 at 10:30',
  clinicName: 'Smith & Jones <Skin>',
  locationName: "O'Neill Street",
  address: '1 <Main> Street, London',
};

describe('patient e-mail parts', () => {
  it('escapes every value into the HTML: the only tags are the template’s own', async () => {
    const { html, text } = patientEmail('Your appointment <b>', hostile);
    const tags = new Set([...html.matchAll(/<\/?([a-z!][a-z0-9]*)/gi)].map((m) => m[1].toLowerCase()));
    expect([...tags].sort()).toEqual(['!doctype', 'body', 'br', 'head', 'html', 'meta', 'p', 'table', 'td', 'th', 'title', 'tr']);
    expect(html).toContain('Hello &lt;img src=x onerror=alert(1)&gt;,');
    expect(html).toContain('Smith &amp; Jones &lt;Skin&gt;');
    expect(html).toContain('<html lang="en-GB">');
    // The text part is text: the name as written, the SMS line first.
    expect(text.split('\n')[0]).toBe(noticeLine(hostile.firstName, hostile.news, hostile.contact));
    expect(text).toContain('Where: Smith & Jones <Skin>, O\'Neill Street, 1 <Main> Street, London');

    // And as a mail program reads it (mailparser on nodemailer's MIME): the same text and HTML come back.
    const info = await new SmtpTransport({ streamTransport: true, buffer: true }, 'Clinic <c@clinic.test>').send({ to: 'p@example.test', subject: 'S', body: text, html });
    const parsed = await simpleParser(info.message as Buffer);
    expect(parsed.text?.trim()).toBe(text.trim());
    expect(parsed.html).toBe(html);
    expect(parsed.attachments).toEqual([]);
  });

  it('carries an online booking’s manage link in both parts when given, and nothing of it otherwise', () => {
    const url = 'https://book.example.test/book/manage/abc_DEF-123';
    const { html, text } = patientEmail('Booked', { ...hostile, manageUrl: url });
    expect(text).toContain(`Confirm, move or cancel it online: ${url}`);
    expect(html).toContain(`<p><a href="${url}">Confirm, move or cancel it online</a></p>`);
    expect(patientEmail('Booked', hostile).text).not.toContain('online:');
  });
});

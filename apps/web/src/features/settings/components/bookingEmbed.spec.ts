import { bookingEmbedSnippet } from './bookingEmbed';

it('frames the clinic’s booking page, named for screen readers, the URL escaped for the attribute', () => {
  expect(bookingEmbedSnippet('https://book.example-clinic.com/book?organization=3f9a1c07b2de')).toBe(
    '<iframe src="https://book.example-clinic.com/book?organization=3f9a1c07b2de" title="Book an appointment online" style="width:100%;max-width:560px;height:900px;border:0" loading="lazy"></iframe>',
  );
  expect(bookingEmbedSnippet('https://x.test/book?organization=a&b="c"')).toContain('src="https://x.test/book?organization=a&amp;b=&quot;c&quot;"');
});

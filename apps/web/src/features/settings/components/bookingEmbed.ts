/**
 * The snippet a clinic pastes into its own website to show the booking page (issue 16). An iframe, not a script: the
 * clinic's site runs none of our code, and our page keeps its own CSP. Only the booking steps may be framed (the API
 * sends `frame-ancestors *` for /book alone; the manage page and the dashboard are never framed), and the page opens
 * the manage link as a page of its own. The URL is escaped for an HTML attribute.
 */
export function bookingEmbedSnippet(publicBookingUrl: string): string {
  const src = publicBookingUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${src}" title="Book an appointment online" style="width:100%;max-width:560px;height:900px;border:0" loading="lazy"></iframe>`;
}

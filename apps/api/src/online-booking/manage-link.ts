import { createHash } from 'node:crypto';

/** The link a patient manages an online booking with: `<PUBLIC_URL>/book/manage/<key>` (the web page calls the API). */
export function manageUrl(publicUrl: string, key: string): string {
  return `${publicUrl}/book/manage/${key}`;
}

/** The clinic's booking page, `<PUBLIC_URL>/book?organization=<slug>` (the web's book.html reads the slug there). */
export function publicBookingUrl(publicUrl: string, slug: string): string {
  return `${publicUrl}/book?organization=${encodeURIComponent(slug)}`;
}

/** The manage link's key as stored and looked up: its SHA-256 (online_booking_manage_tokens.token_hash). */
export const manageKeyHash = (key: string): Buffer => createHash('sha256').update(key).digest();

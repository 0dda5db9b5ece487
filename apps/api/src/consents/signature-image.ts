import { InvalidFieldError } from '../common/problems/domain-error';

/** Decoded signature images above this size are refused (a finger signature PNG is typically 10–80 KiB). */
export const SIGNATURE_MAX_BYTES = 512 * 1024;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface SignatureImage {
  mediaType: 'image/png' | 'image/svg+xml';
  bytes: Buffer;
}

/**
 * A drawn signature as sent by the kiosk: a base64 data URL that really is a PNG (magic bytes and IHDR) or an SVG
 * document (an <svg> root element, no scripts or external references). Anything else is a 400 naming `signature`.
 */
export function parseSignatureDataUrl(dataUrl: string): SignatureImage {
  const match = /^data:(image\/png|image\/svg\+xml);base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl);
  if (!match) throw new InvalidFieldError('signature', 'must be a data:image/png;base64 or data:image/svg+xml;base64 URL');
  const bytes = Buffer.from(match[2], 'base64');
  if (bytes.length === 0) throw new InvalidFieldError('signature', 'is empty');
  if (bytes.length > SIGNATURE_MAX_BYTES) throw new InvalidFieldError('signature', `must be at most ${SIGNATURE_MAX_BYTES / 1024} KiB`);
  const mediaType = match[1] as SignatureImage['mediaType'];
  if (mediaType === 'image/png') {
    if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_MAGIC) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
      throw new InvalidFieldError('signature', 'is not a PNG image');
    }
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    if (width < 10 || height < 10 || width > 4000 || height > 4000) {
      throw new InvalidFieldError('signature', 'image must be between 10 and 4000 pixels wide and high');
    }
  } else {
    const text = bytes.toString('utf8');
    const withoutProlog = text.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?/i, '');
    if (!/^<svg[\s>]/i.test(withoutProlog) || !/<\/svg>\s*$/i.test(withoutProlog)) {
      throw new InvalidFieldError('signature', 'is not an SVG image (no <svg> root element)');
    }
    if (/<script|<foreignObject|\son[a-z]+\s*=|(?:xlink:)?href\s*=\s*["'](?!#)/i.test(withoutProlog)) {
      throw new InvalidFieldError('signature', 'SVG must not contain scripts, event handlers or external references');
    }
  }
  return { mediaType, bytes };
}

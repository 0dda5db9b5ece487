import sharp from 'sharp';

export type PhotoContentType = 'image/jpeg' | 'image/png' | 'image/webp';

const CONTENT_TYPES: Record<string, PhotoContentType> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** What is stored of an upload: the decoded image re-encoded upright, without EXIF, GPS or other metadata. */
export interface DecodedPhoto {
  bytes: Buffer;
  contentType: PhotoContentType;
  widthPx: number;
  heightPx: number;
}

/**
 * Decodes the upload with a real image library (magic bytes prove nothing: a PNG signature followed by HTML passes
 * them) and re-encodes it in its own format. EXIF orientation is applied to the pixels first (`rotate()`), so the
 * photo stays upright once the metadata is gone; the camera's EXIF, GPS position and XMP are dropped, the colour
 * profile kept. Null when the bytes do not decode as a JPEG, PNG or WebP image.
 */
export async function decodePhoto(bytes: Buffer): Promise<DecodedPhoto | null> {
  try {
    // failOn 'error': a truncated or corrupt file is refused rather than stored half-decoded.
    const { format } = await sharp(bytes, { failOn: 'error' }).metadata();
    const contentType = format ? CONTENT_TYPES[format] : undefined;
    if (!format || !contentType) return null;
    const pipeline = sharp(bytes, { failOn: 'error' }).rotate().keepIccProfile();
    const encoded =
      format === 'jpeg' ? pipeline.jpeg({ quality: 92, mozjpeg: false }) : format === 'png' ? pipeline.png() : pipeline.webp({ quality: 92 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType, widthPx: info.width, heightPx: info.height };
  } catch {
    return null;
  }
}

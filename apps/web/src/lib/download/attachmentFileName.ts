import { parse } from 'content-disposition';

/**
 * The file name the API gave a download in Content-Disposition (RFC 6266: the UTF-8 `filename*` when there is
 * one, else the ASCII `filename`), read by the `content-disposition` package; the fallback when there is none.
 * The API names files in full (a lot's whole number and GTIN), so the dashboard does not make up shorter names.
 */
export function attachmentFileName(headers: Pick<Headers, 'get'>, fallback: string): string {
  const header = headers.get('Content-Disposition');
  if (!header) return fallback;
  try {
    const name = parse(header).parameters.filename;
    // Only a name, never a path: a browser strips folders itself, this keeps the rule visible.
    return name ? (name.split(/[/\\]/).pop() ?? fallback) || fallback : fallback;
  } catch {
    return fallback;
  }
}

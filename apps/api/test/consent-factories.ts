import { deflateSync } from 'node:zlib';
import type { ApiClient } from './api-client';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG (grey-scale, a dark diagonal stroke on white), as a data URL: what signature_pad's toDataURL sends. */
export function signaturePng(width = 120, height = 40): string {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grey-scale
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width + 1, 255);
    row[0] = 0;
    const x = Math.round((y / height) * width);
    for (let dx = -1; dx <= 1; dx++) if (x + dx >= 0 && x + dx < width) row[1 + x + dx] = 20;
    rows.push(row);
  }
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** An SVG like signature_pad's toSVG(): filled stroke paths and a dot. */
export function signatureSvg(): string {
  const svg =
    '<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100" width="300" height="100">' +
    '<path d="M 10 80 C 60 10, 90 10, 140 60 S 220 90, 280 20 L 282 24 C 220 95, 150 70, 138 64 C 90 16, 62 16, 12 84 Z" fill="rgb(0,0,0)"/>' +
    '<circle r="3" cx="150" cy="85" fill="rgb(0,0,0)"/></svg>';
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export async function templateOfKind(client: ApiClient, kind: string): Promise<{ id: string; current: { acknowledgements: { key: string; required: boolean }[] } }> {
  const response = await client.get('/api/consent-templates');
  const template = response.body.find((t: { kind: string }) => t.kind === kind);
  if (!template) throw new Error(`no ${kind} template: ${response.status} ${response.text}`);
  return template;
}

/** A pending consent for the patient from the organization's template of that kind. */
export async function prepareConsent(client: ApiClient, patientId: string, kind = 'medical_needling', extra: Record<string, unknown> = {}) {
  const template = await templateOfKind(client, kind);
  const response = await client.post(`/api/patients/${patientId}/consents`, { templateId: template.id, ...extra });
  if (response.status !== 201) throw new Error(`prepare consent failed: ${response.status} ${response.text}`);
  return response.body as { id: string; acknowledgements: { key: string; required: boolean }[]; body: string; status: string };
}

export function signBody(consent: { acknowledgements: { key: string; required: boolean }[] }, overrides: Record<string, unknown> = {}) {
  return {
    signerName: 'Jordan Sample',
    acknowledgements: consent.acknowledgements.filter((a) => a.required).map((a) => a.key),
    signature: signaturePng(),
    electronicSignatureConsent: true,
    ...overrides,
  };
}

export async function signedConsent(client: ApiClient, patientId: string, kind = 'medical_needling') {
  const consent = await prepareConsent(client, patientId, kind);
  const response = await client.post(`/api/consents/${consent.id}/sign`, signBody(consent));
  if (response.status !== 200) throw new Error(`sign failed: ${response.status} ${response.text}`);
  return response.body as { id: string; signedAt: string; validThrough: string; contentHash: string };
}

import { randomBytes } from 'node:crypto';
import { strokePngDataUrl } from '../src/demo/demo-signature';
import type { ApiClient } from './api-client';

/** A real PNG (a dark stroke on white), as a data URL: what signature_pad's toDataURL sends. */
export function signaturePng(width = 120, height = 40): string {
  return strokePngDataUrl(width, height);
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

interface StaffListEntry {
  id: string;
  role: string;
  isActive: boolean;
  credentials: { licenceType: string; expiresOn: string }[];
}

/**
 * A practitioner of the signed-in member's organization who may be named on any consent (an active physician or nurse
 * whose licence allows medical depth for years to come): an existing one, else a physician added through the staff
 * API (which takes an owner or admin).
 */
export async function consentPractitioner(client: ApiClient): Promise<string> {
  const staff = (await client.get('/api/staff')).body as StaffListEntry[];
  const existing = staff.find(
    (s) =>
      s.isActive &&
      (s.role === 'physician' || s.role === 'nurse') &&
      s.credentials.some((c) => c.licenceType !== 'licensed_aesthetician' && c.licenceType !== 'other' && c.expiresOn >= '2090-01-01'),
  );
  if (existing) return existing.id;
  const suffix = randomBytes(4).toString('hex');
  const created = await client.post('/api/staff', {
    email: `practitioner-${suffix}@clinic.test`,
    name: 'Samuel Osei',
    role: 'physician',
    password: 'velvet harbour lantern copper',
    credentials: [{ licenceType: 'physician', licenceNumber: `MD-${suffix}`, jurisdiction: 'NY', expiresOn: '2099-12-31' }],
  });
  if (created.status !== 201) throw new Error(`consent practitioner: ${created.status} ${created.text}`);
  return (created.body as { id: string }).id;
}

/**
 * A pending consent for the patient from the organization's template of that kind, naming a practitioner of the
 * organization (consentPractitioner) unless `extra` names one.
 */
export async function prepareConsent(client: ApiClient, patientId: string, kind = 'medical_needling', extra: Record<string, unknown> = {}) {
  const template = await templateOfKind(client, kind);
  const practitionerId = 'practitionerId' in extra ? extra.practitionerId : await consentPractitioner(client);
  const response = await client.post(`/api/patients/${patientId}/consents`, { templateId: template.id, practitionerId, ...extra });
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

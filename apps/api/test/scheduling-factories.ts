import type { DataSource } from 'typeorm';
import type { ApiClient } from './api-client';
import { newStaffMember } from './factories';

/** A practitioner with a licence (default: registered nurse, medical depth) and weekday hours 09:00–17:00 at the location. */
export async function newPractitioner(
  dataSource: DataSource,
  client: ApiClient,
  organizationId: string,
  locationId: string,
  options: { licenceType?: string; expiresOn?: string; weekdays?: number[]; start?: string; end?: string } = {},
) {
  const staff = await newStaffMember(dataSource, organizationId, { role: 'nurse' });
  await dataSource.query(
    `INSERT INTO practitioner_credentials (organization_id, staff_member_id, licence_type, licence_number, jurisdiction, expires_on) VALUES ($1, $2, $3, 'RN-1', 'NY', $4)`,
    [organizationId, staff.id, options.licenceType ?? 'registered_nurse', options.expiresOn ?? '2099-12-31'],
  );
  const blocks = (options.weekdays ?? [1, 2, 3, 4, 5, 6, 7]).map((weekday) => ({ weekday, startsAt: options.start ?? '09:00', endsAt: options.end ?? '17:00' }));
  const put = await client.put(`/api/staff/${staff.id}/working-hours`, { locationId, blocks });
  if (put.status !== 200) throw new Error(`working hours: ${put.status} ${put.text}`);
  return staff;
}

export async function newService(client: ApiClient, overrides: Record<string, unknown> = {}) {
  const response = await client.post('/api/services', {
    name: `Medical needling ${Math.random().toString(36).slice(2, 8)}`,
    durationMin: 60,
    bufferMin: 15,
    procedureKind: 'medical_needling',
    consentKinds: ['medical_needling'],
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`service: ${response.status} ${response.text}`);
  return response.body as { id: string; durationMin: number; bufferMin: number };
}

export async function newRoom(client: ApiClient, locationId: string, name = `Room ${Math.random().toString(36).slice(2, 6)}`) {
  const response = await client.post('/api/rooms', { locationId, name });
  if (response.status !== 201) throw new Error(`room: ${response.status} ${response.text}`);
  return response.body as { id: string };
}

/** A date-time next week on a weekday at a local hour in New York (the factories' default zone), as ISO. */
export function futureInstant(daysAhead: number, hourUtc: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + daysAhead);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.toISOString();
}

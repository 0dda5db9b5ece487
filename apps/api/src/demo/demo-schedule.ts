import { addDays, isoWeekday, localTimeToInstant } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { DemoRandom } from './demo-random';

const SERVICES = [
  { name: 'Acne-scar needling (medical)', duration: 60, buffer: 15, kind: 'medical_needling', consents: ['medical_needling', 'topical_anesthetic', 'photography'] },
  { name: 'Glow needling (cosmetic)', duration: 45, buffer: 15, kind: 'cosmetic_needling', consents: ['cosmetic_needling'] },
  { name: 'Consultation', duration: 30, buffer: 0, kind: 'consultation', consents: [] },
  { name: 'Follow-up review', duration: 20, buffer: 0, kind: 'follow_up', consents: [] },
] as const;

interface DemoPractitioner {
  id: string;
  location: 0 | 1;
  /** ISO weekdays and local hours. */
  days: number[];
  start: number;
  end: number;
  /** Service indexes this practitioner may be booked for (credential rules: domain.md section 1). */
  services: number[];
}

/**
 * Services, rooms, weekly hours and a week of appointments around today (past ones completed or no-show, today's
 * partly checked in). Laid out practitioner by practitioner into free rooms, one medical session per patient, so
 * every row satisfies the booking rules and the exclusion constraints check it anyway.
 */
export async function loadDemoSchedule(
  manager: EntityManager,
  organizationId: string,
  locations: { id: string; timezone: string }[],
  practitioners: DemoPractitioner[],
  createdBy: string,
): Promise<void> {
  const random = new DemoRandom(606);
  const serviceIds: string[] = [];
  for (const s of SERVICES) {
    const [row] = await manager.query(
      `INSERT INTO services (organization_id, name, duration_min, buffer_min, procedure_kind, consent_kinds) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [organizationId, s.name, s.duration, s.buffer, s.kind, s.consents],
    );
    serviceIds.push(row.id);
  }
  const rooms: string[][] = [[], []];
  for (const [i, name] of ['Room 1', 'Room 2', 'Laser suite'].entries()) {
    rooms[0].push((await manager.query(`INSERT INTO rooms (organization_id, location_id, name) VALUES ($1, $2, $3) RETURNING id`, [organizationId, locations[0].id, name]))[0].id);
    if (i < 2) rooms[1].push((await manager.query(`INSERT INTO rooms (organization_id, location_id, name) VALUES ($1, $2, $3) RETURNING id`, [organizationId, locations[1].id, name]))[0].id);
  }
  for (const p of practitioners) {
    for (const day of p.days) {
      await manager.query(`INSERT INTO working_hours (organization_id, staff_member_id, location_id, weekday, start_minute, end_minute) VALUES ($1, $2, $3, $4, $5, $6)`, [
        organizationId,
        p.id,
        locations[p.location].id,
        day,
        p.start * 60,
        p.end * 60,
      ]);
    }
  }
  const patients: { id: string }[] = await manager.query(`SELECT id FROM patients WHERE organization_id = $1 AND archived_at IS NULL ORDER BY mrn`, [organizationId]);
  let nextPatient = 0;
  const now = Date.now();
  const roomBusy = new Map<string, [number, number][]>();
  for (const p of practitioners) {
    const zone = locations[p.location].timezone;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
    for (let d = -3; d <= 6; d++) {
      const date = addDays(today, d);
      if (!p.days.includes(isoWeekday(date))) continue;
      let cursor = localTimeToInstant(date, p.start * 60, zone).getTime();
      const close = localTimeToInstant(date, p.end * 60, zone).getTime();
      for (;;) {
        cursor += random.int(0, 3) * 30 * 60_000;
        const s = random.pick(p.services);
        const service = SERVICES[s];
        const end = cursor + service.duration * 60_000;
        const occupied = end + service.buffer * 60_000;
        if (end > close) break;
        const room = rooms[p.location].find((r) => (roomBusy.get(r) ?? []).every(([a, b]) => occupied <= a || cursor >= b));
        if (room && nextPatient < patients.length) {
          roomBusy.set(room, [...(roomBusy.get(room) ?? []), [cursor, occupied]]);
          const status = end < now ? (random.chance(0.08) ? 'no_show' : 'completed') : cursor < now + 3_600_000 && d === 0 && random.chance(0.5) ? 'checked_in' : random.chance(0.4) ? 'confirmed' : 'booked';
          await manager.query(
            `INSERT INTO appointments (organization_id, location_id, patient_id, service_id, practitioner_id, room_id, starts_at, ends_at, occupied_until, status, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
            [organizationId, locations[p.location].id, patients[nextPatient++].id, serviceIds[s], p.id, room, new Date(cursor), new Date(end), new Date(occupied), status, createdBy],
          );
        }
        cursor = occupied;
      }
    }
  }
}

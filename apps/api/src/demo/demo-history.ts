import { randomUUID } from 'node:crypto';
import { addDays, localTimeToInstant, screenPatient, type FitzpatrickType, type MedicalHistoryAnswers } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { StaffMember } from '../staff/staff-member.entity';
import { DEMO_COURSE_BANDS, demoCourseScores, type DemoClinician } from './demo-courses';
import { historyWindow, planHistoryCalendar, type HistoryPractitioner, type PlannedCourse, type PlannedVisit } from './demo-history-calendar';
import { loadCourseConsents, type CourseConsent } from './demo-history-consents';
import { CHAIR_REFUSALS, CONSENT_MISSING, DEPTH_NEEDS_OVERRIDE, insertHistoryRefusals, type HistoryRefusal } from './demo-history-refusals';
import {
  insertHistoryAdverseEvents,
  insertHistoryAssessments,
  insertHistorySessions,
  signHistorySessions,
  type HistoryAssessment,
  type HistorySession,
} from './demo-history-sessions';
import { DemoRandom } from './demo-random';
import { loadDemoStockHistory, type CartridgeUse } from './demo-stock-history';

const MINUTE_MS = 60_000;
/** The first patients (by MRN) carry the recent consents and walk-in treatments of the older demo; courses use others. */
const FIRST_COURSE_PATIENT = 40;

/** Reasons given when a relative contraindication was acknowledged at the chair (the app requires one). */
const ACKNOWLEDGEMENT_REASONS: Record<string, string> = {
  herpes_simplex_history: 'Valaciclovir prophylaxis started two days before, as prescribed',
  anticoagulants_or_antiplatelets: 'Prescriber agreed; firm pressure and shallower passes over bony areas',
};
const DEFAULT_ACKNOWLEDGEMENT = 'Discussed with the patient before treatment; precautions taken';

interface CandidatePatient {
  id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  fitzpatrick_type: number | null;
  city: string | null;
  answers: MedicalHistoryAnswers | null;
}

/**
 * About a year of history ending a few days before the load, so every report has something real to show: acne-scar
 * courses in every depth band with baseline and follow-up scores, their consents (kiosk and remote), sessions signed
 * with their cartridges from lots received over the year and some waste, a calendar of consultations and reviews with
 * cancellations, late cancellations, no-shows and online bookings, time off, a few adverse events, overrides and
 * refused starts. Everything goes through ordinary inserts in the order the app writes it (prepared, then signed),
 * so the database's triggers and constraints see the history as they would have seen it happen.
 */
export async function loadDemoHistory(
  manager: EntityManager,
  audit: AuditService,
  p: { organizationId: string; locations: { id: string; timezone: string }[]; staff: StaffMember[] },
): Promise<void> {
  const random = new DemoRandom(365);
  const { organizationId } = p;
  const byEmail = (email: string) => p.staff.find((s) => s.email === email) as StaffMember;
  const physician = byEmail('physician@harbour.demo');
  const nurse = byEmail('nurse@harbour.demo');
  const chloe = byEmail('aesthetician@harbour.demo');
  const frontDesk = [byEmail('frontdesk@harbour.demo').id, byEmail('nina.frontdesk@harbour.demo').id] as const;
  // The weekly hours of demo-clinic.ts, with the bookings around the courses and each one's leave.
  const practitioners: Record<DemoClinician | 'consultant', HistoryPractitioner> = {
    physician: { id: physician.id, location: 0, days: [1, 2, 3, 4, 5], start: 9, end: 17, misc: [0, 2, 2, 3], fill: 0.7, timeOff: [[152, 143]] },
    nurse: { id: nurse.id, location: 0, days: [1, 2, 3, 4, 5, 6], start: 8, end: 16, misc: [0, 1, 2, 3, 3], fill: 0.65, timeOff: [[231, 226]] },
    consultant: { id: byEmail('leo.nurse@harbour.demo').id, location: 1, days: [1, 2, 3, 4, 5], start: 10, end: 18, misc: [2, 3], fill: 0.55, timeOff: [[88, 80]] },
    aesthetician: { id: chloe.id, location: 1, days: [2, 3, 4, 5, 6], start: 9, end: 17, misc: [1, 2, 2], fill: 0.55, timeOff: [[61, 55]] },
  };
  const staffOf = (pr: HistoryPractitioner) => p.staff.find((s) => s.id === pr.id) as StaffMember;
  const timeZones: [string, string] = [p.locations[0].timezone, p.locations[1].timezone];
  const serviceIds = await idsInOrder(manager, `SELECT id, procedure_kind AS key FROM services WHERE organization_id = $1`, organizationId, [
    'medical_needling',
    'cosmetic_needling',
    'consultation',
    'follow_up',
  ]);
  const roomRows: { id: string; location_id: string }[] = await manager.query(`SELECT id, location_id FROM rooms WHERE organization_id = $1 ORDER BY name`, [organizationId]);
  const rooms: [string[], string[]] = [0, 1].map((i) => roomRows.filter((r) => r.location_id === p.locations[i].id).map((r) => r.id)) as [string[], string[]];
  const devices = await idsInOrder(manager, `SELECT id, serial_number AS key FROM devices WHERE organization_id = $1`, organizationId, [
    'SPP-2210-4471',
    'SPP-2210-4472',
    'SPP-2303-1180',
  ]);

  // Course patients: screened clear for the procedure over the year (no absolute contraindication), Chicago patients
  // at Lakeside; relative contraindications are acknowledged with a reason at each session.
  const candidates: CandidatePatient[] = await manager.query(
    `SELECT p.id, p.first_name, p.last_name, p.date_of_birth::text, p.fitzpatrick_type, p.address->>'city' AS city, h.answers
       FROM patients p
       LEFT JOIN LATERAL (SELECT answers FROM patient_medical_histories WHERE patient_id = p.id ORDER BY version DESC LIMIT 1) h ON true
      WHERE p.organization_id = $1 AND p.archived_at IS NULL
      ORDER BY p.mrn OFFSET $2`,
    [organizationId, FIRST_COURSE_PATIENT],
  );
  const screen = (c: CandidatePatient, medical: boolean, onDate: string) =>
    screenPatient({ answers: c.answers, fitzpatrickType: (c.fitzpatrick_type ?? undefined) as FitzpatrickType | undefined, procedure: medical ? 'medical' : 'cosmetic', onDate });
  const today = historyWindow(timeZones[0]).today;
  const clear = candidates.filter((c) => [-360, -240, -120, 0].every((d) => screen(c, true, addDays(today, d)).blockers.length === 0));
  const taken = new Set<string>();
  const takePatient = (chicago: boolean) => {
    const found = clear.find((c) => !taken.has(c.id) && (c.city === 'Chicago') === chicago) ?? clear.find((c) => !taken.has(c.id));
    if (!found) throw new Error('demo history: not enough patients screened clear for the courses');
    taken.add(found.id);
    return found;
  };
  const courses: (PlannedCourse & { band: number; patient: CandidatePatient; scores: number[] })[] = [];
  for (const [bandIndex, band] of DEMO_COURSE_BANDS.entries()) {
    for (const [i, clinician] of band.clinicians.entries()) {
      const practitioner = practitioners[clinician];
      const patient = takePatient(practitioner.location === 1);
      courses.push({
        patientId: patient.id,
        practitioner,
        service: band.medical ? 0 : 1,
        sessions: band.sessions,
        intervalWeeks: band.intervalWeeks,
        startDaysAgo: 352 - i * 36 - bandIndex * 5 + random.int(0, 6),
        band: bandIndex,
        patient,
        scores: demoCourseScores(band, random),
      });
    }
  }
  const visits = planHistoryCalendar(random, {
    practitioners: Object.values(practitioners),
    timeZones,
    rooms,
    patientIds: (await manager.query(`SELECT id FROM patients WHERE organization_id = $1 AND archived_at IS NULL ORDER BY mrn`, [organizationId])).map((r: { id: string }) => r.id),
    courses,
  });

  // Leave first (the calendar left those days empty), then the courses and the calendar.
  const timeOff = Object.values(practitioners).flatMap((pr) =>
    pr.timeOff.map(([from, to]) => ({
      staff: pr.id,
      starts_at: localTimeToInstant(addDays(historyWindow(timeZones[pr.location]).today, -from), 0, timeZones[pr.location]).toISOString(),
      ends_at: localTimeToInstant(addDays(historyWindow(timeZones[pr.location]).today, -to + 1), 0, timeZones[pr.location]).toISOString(),
    })),
  );
  await manager.query(
    `INSERT INTO working_hours_exceptions (organization_id, staff_member_id, kind, starts_at, ends_at, reason, created_by, created_at)
     SELECT $1, t.staff, 'time_off', t.starts_at, t.ends_at, 'Annual leave', $3, t.starts_at - interval '60 days'
       FROM jsonb_to_recordset($2::jsonb) AS t(staff uuid, starts_at timestamptz, ends_at timestamptz)`,
    [organizationId, JSON.stringify(timeOff), byEmail('owner@harbour.demo').id],
  );
  const planIds = courses.map(() => randomUUID());
  const firstVisits = courses.map((_, index) => visits.find((v) => v.course?.index === index && v.course.session === 1));
  await manager.query(
    `INSERT INTO treatment_plans (id, organization_id, patient_id, service_id, location_id, practitioner_id, sessions, interval_weeks, start_on, status, created_by, created_at, booked_at)
     SELECT c.id, $1, c.patient_id, c.service_id, c.location_id, c.practitioner_id, c.sessions, c.interval_weeks, c.start_on, 'booked', c.created_by, c.created_at, c.created_at
       FROM jsonb_to_recordset($2::jsonb) AS c(id uuid, patient_id uuid, service_id uuid, location_id uuid, practitioner_id uuid, sessions int, interval_weeks int,
                                              start_on date, created_by uuid, created_at timestamptz)`,
    [
      organizationId,
      JSON.stringify(
        courses.flatMap((c, index) => {
          const first = firstVisits[index];
          if (!first) return [];
          return [{
            id: planIds[index],
            patient_id: c.patientId,
            service_id: serviceIds[c.service],
            location_id: p.locations[c.practitioner.location].id,
            practitioner_id: c.practitioner.id,
            sessions: c.sessions,
            interval_weeks: c.intervalWeeks,
            start_on: first.date,
            created_by: frontDesk[c.practitioner.location],
            created_at: first.createdAt.toISOString(),
          }];
        }),
      ),
    ],
  );
  await insertAppointments(manager, organizationId, visits, { locations: p.locations, serviceIds, planIds, frontDesk });

  // Refused starts: deferred visits, the deepest band's first sessions before the override reason was entered, and
  // two first visits that began before the patient had signed at the kiosk.
  const refusals: HistoryRefusal[] = [];
  const refusal = (v: PlannedVisit, reasons: HistoryRefusal['reasons'], atMinutes: number): HistoryRefusal => ({
    patientId: v.patientId,
    locationId: p.locations[v.location].id,
    practitionerId: v.practitioner.id,
    appointmentId: v.id,
    procedureKind: v.service === 0 ? 'medical' : 'cosmetic',
    reasons,
    refusedAt: new Date(v.startsAt.getTime() + atMinutes * MINUTE_MS),
  });
  for (const v of visits.filter((x) => x.refusedAtTheChair)) refusals.push(refusal(v, random.pick(CHAIR_REFUSALS.slice(0, v.service === 0 ? 5 : 4)), 8));
  const consentMissing = new Set<number>();
  for (const [index, c] of courses.entries()) {
    const first = firstVisits[index];
    if (!first) continue;
    if (c.band === 4 && refusals.filter((r) => r.reasons === DEPTH_NEEDS_OVERRIDE).length < 3) refusals.push(refusal(first, DEPTH_NEEDS_OVERRIDE, 5));
    else if (c.band === 2 && consentMissing.size < 2 && index % 2 === 0) {
      consentMissing.add(index);
      refusals.push(refusal(first, CONSENT_MISSING, 2));
    }
  }

  const consents: CourseConsent[] = [];
  for (const [index, c] of courses.entries()) {
    const first = firstVisits[index];
    if (!first) continue;
    const band = DEMO_COURSE_BANDS[c.band];
    const depths = band.zones.map((z) => z.depthMm);
    consents.push({
      patient: { id: c.patient.id, firstName: c.patient.first_name, lastName: c.patient.last_name, dateOfBirth: c.patient.date_of_birth },
      practitioner: staffOf(c.practitioner),
      medical: band.medical,
      depthMm: [Math.min(...depths), Math.max(...depths)],
      firstVisit: first,
      channel: !consentMissing.has(index) && index % 5 < 2 ? 'remote' : 'kiosk',
      kioskAt: new Date(first.startsAt.getTime() + (consentMissing.has(index) ? 3 : -20) * MINUTE_MS),
    });
  }
  await loadCourseConsents(manager, audit, organizationId, consents, random);
  await insertHistoryRefusals(manager, organizationId, refusals);

  // Sessions (in progress), their cartridges from the ledger, then signed; then the scores and the adverse events.
  const sessions: HistorySession[] = [];
  const uses: CartridgeUse[] = [];
  const assessments: HistoryAssessment[] = [];
  for (const v of visits) {
    if (!v.course) continue;
    const course = courses[v.course.index];
    const band = DEMO_COURSE_BANDS[course.band];
    const planId = planIds[v.course.index];
    if (v.course.session === 'review') {
      assessments.push({ patientId: v.patientId, planId, sessionId: null, assessedOn: v.date, score: course.scores[band.sessions], assessorId: v.practitioner.id, recordedAt: v.endsAt });
      continue;
    }
    const id = randomUUID();
    const acknowledgements = screen(course.patient, band.medical, v.date).warnings.map((w) => ({ code: w.code, reason: ACKNOWLEDGEMENT_REASONS[w.code] ?? DEFAULT_ACKNOWLEDGEMENT }));
    sessions.push({
      id,
      patientId: v.patientId,
      locationId: p.locations[v.location].id,
      practitionerId: v.practitioner.id,
      appointmentId: v.id,
      deviceId: v.location === 1 ? devices[2] : devices[v.course.index % 2],
      medical: band.medical,
      zones: band.zones,
      performedOn: v.date,
      startedAt: new Date(v.startsAt.getTime() + 10 * MINUTE_MS),
      acknowledgements,
      bandIndex: course.band,
    });
    uses.push({ sessionId: id, location: v.location, performedOn: v.date, quantity: course.band >= 3 && random.chance(0.25) ? 2 : 1, practitionerId: v.practitioner.id });
    assessments.push({ patientId: v.patientId, planId, sessionId: id, assessedOn: v.date, score: course.scores[v.course.session - 1], assessorId: v.practitioner.id, recordedAt: v.startsAt });
  }
  await insertHistorySessions(manager, organizationId, sessions);
  await loadDemoStockHistory(manager, { organizationId, locationIds: [p.locations[0].id, p.locations[1].id], receivers: [nurse.id, chloe.id], uses, today });
  await signHistorySessions(manager, organizationId, sessions.map((s) => s.id));
  await insertHistoryAssessments(manager, organizationId, assessments);
  await insertHistoryAdverseEvents(manager, organizationId, sessions, random, historyWindow(timeZones[0]).last);
}

/** Ids of rows keyed by a column, in the order of `keys`. */
async function idsInOrder(manager: EntityManager, sql: string, organizationId: string, keys: string[]): Promise<string[]> {
  const rows: { id: string; key: string }[] = await manager.query(sql, [organizationId]);
  return keys.map((k) => {
    const row = rows.find((r) => r.key === k);
    if (!row) throw new Error(`demo history: nothing for ${k}`);
    return row.id;
  });
}

/** The year's appointments in one statement; the exclusion constraints check every booked one against the others. */
async function insertAppointments(
  manager: EntityManager,
  organizationId: string,
  visits: PlannedVisit[],
  p: { locations: { id: string }[]; serviceIds: string[]; planIds: string[]; frontDesk: readonly [string, string] },
): Promise<void> {
  const rows = visits.map((v) => ({
    id: v.id,
    location_id: p.locations[v.location].id,
    patient_id: v.patientId,
    service_id: p.serviceIds[v.service],
    practitioner_id: v.practitioner.id,
    room_id: v.roomId,
    starts_at: v.startsAt.toISOString(),
    ends_at: v.endsAt.toISOString(),
    occupied_until: v.occupiedUntil.toISOString(),
    status: v.status,
    cancel_reason: v.cancelReason,
    cancelled_by: v.cancelledBy,
    late_cancellation: v.lateCancellation,
    status_changed_at: v.statusChangedAt.toISOString(),
    treatment_plan_id: v.course && v.course.session !== 'review' ? p.planIds[v.course.index] : null,
    plan_session_number: v.course && v.course.session !== 'review' ? v.course.session : null,
    created_by: v.source === 'online' ? null : p.frontDesk[v.location],
    created_at: v.createdAt.toISOString(),
    source: v.source,
  }));
  await manager.query(
    `INSERT INTO appointments (id, organization_id, location_id, patient_id, service_id, practitioner_id, room_id, starts_at, ends_at, occupied_until, status,
                               cancel_reason, cancelled_by, late_cancellation, status_changed_at, treatment_plan_id, plan_session_number, created_by, created_at,
                               updated_at, source)
     SELECT a.id, $1, a.location_id, a.patient_id, a.service_id, a.practitioner_id, a.room_id, a.starts_at, a.ends_at, a.occupied_until, a.status,
            a.cancel_reason, a.cancelled_by, a.late_cancellation, a.status_changed_at, a.treatment_plan_id, a.plan_session_number, a.created_by, a.created_at,
            a.status_changed_at, a.source
       FROM jsonb_to_recordset($2::jsonb) AS a(id uuid, location_id uuid, patient_id uuid, service_id uuid, practitioner_id uuid, room_id uuid, starts_at timestamptz,
                                              ends_at timestamptz, occupied_until timestamptz, status text, cancel_reason text, cancelled_by text,
                                              late_cancellation boolean, status_changed_at timestamptz, treatment_plan_id uuid, plan_session_number int,
                                              created_by uuid, created_at timestamptz, source text)`,
    [organizationId, JSON.stringify(rows)],
  );
}

import { randomUUID } from 'node:crypto';
import { addDays, type AdverseEventType, type IsoDate } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { DemoCourseZone } from './demo-courses';
import type { DemoRandom } from './demo-random';

export interface HistorySession {
  id: string;
  patientId: string;
  locationId: string;
  practitionerId: string;
  appointmentId: string;
  deviceId: string;
  medical: boolean;
  zones: DemoCourseZone[];
  performedOn: IsoDate;
  startedAt: Date;
  acknowledgements: { code: string; reason: string }[];
  /** Position of the course's band (0 cosmetic … 4 deepest): deeper sessions react a little more often. */
  bandIndex: number;
}

export interface HistoryAssessment {
  patientId: string;
  planId: string;
  sessionId: string | null;
  assessedOn: IsoDate;
  score: number;
  assessorId: string;
  recordedAt: Date;
}

const SESSION_MINUTES = 50;

/** What the adverse events of the year look like: mostly transient, a pigment change after the deepest sessions. */
type DemoEventType = 'erythema' | 'oedema' | 'dryness' | 'acne_milia' | 'post_inflammatory_hyperpigmentation' | 'pain';
const ADVERSE_EVENTS: Record<DemoEventType, { description: string; treatment: string; outcome: string; days: [number, number] }> = {
  erythema: { description: 'Redness of both cheeks lasting beyond day 3', treatment: 'Cool compresses, bland moisturiser', outcome: 'resolved', days: [4, 6] },
  oedema: { description: 'Swelling under the eyes on the morning after', treatment: 'Cold compresses, head raised at night', outcome: 'resolved', days: [2, 3] },
  dryness: { description: 'Tight, flaking skin for a week', treatment: 'Ceramide moisturiser twice daily', outcome: 'resolved', days: [6, 9] },
  acne_milia: { description: 'Milia along the jawline two weeks after the session', treatment: 'Extraction at the review', outcome: 'resolved', days: [14, 21] },
  post_inflammatory_hyperpigmentation: { description: 'Brown patches over the treated cheeks', treatment: 'Azelaic acid 15%, strict sun protection', outcome: 'resolving', days: [45, 90] },
  pain: { description: 'Stinging over the forehead on the evening after', treatment: 'Paracetamol; reassurance by phone', outcome: 'resolved', days: [1, 2] },
};
const EVENT_TYPES_BY_BAND: (DemoEventType & AdverseEventType)[][] = [
  ['erythema', 'dryness'],
  ['erythema', 'dryness', 'oedema'],
  ['erythema', 'oedema', 'acne_milia'],
  ['erythema', 'oedema', 'pain', 'acne_milia'],
  ['erythema', 'post_inflammatory_hyperpigmentation', 'oedema'],
];

/**
 * The courses' sessions as the app records them: started (in progress) with their zones, then — once the caller has
 * taken their cartridges from the ledger — signed by the practitioner, which freezes them. Signed in a separate step
 * so the database's rule on signed sessions (no change to them or their parts) holds as it would at the chair.
 */
export async function insertHistorySessions(manager: EntityManager, organizationId: string, sessions: HistorySession[]): Promise<void> {
  const rows = sessions.map((s) => ({
    id: s.id,
    patient_id: s.patientId,
    location_id: s.locationId,
    practitioner_id: s.practitionerId,
    appointment_id: s.appointmentId,
    device_id: s.deviceId,
    procedure_kind: s.medical ? 'medical' : 'cosmetic',
    max_depth_mm: Math.max(...s.zones.map((z) => z.depthMm)),
    performed_on: s.performedOn,
    started_at: s.startedAt.toISOString(),
    erythema_grade: s.medical ? 2 : 1,
    anesthetic: s.medical,
    acknowledgements: s.acknowledgements,
  }));
  await manager.query(
    `INSERT INTO treatment_sessions (id, organization_id, patient_id, location_id, practitioner_id, appointment_id, device_id, procedure_kind,
                                     max_depth_mm, performed_on, started_at, technique, clinical_endpoint, erythema_grade,
                                     anesthetic_product, anesthetic_strength, anesthetic_area, anesthetic_applied_at, anesthetic_removed_at,
                                     created_by, created_at, acknowledgements, indication)
     SELECT s.id, $1, s.patient_id, s.location_id, s.practitioner_id, s.appointment_id, s.device_id, s.procedure_kind,
            s.max_depth_mm, s.performed_on, s.started_at, 'Vertical, horizontal and diagonal passes', 'Uniform pinpoint bleeding', s.erythema_grade,
            CASE WHEN s.anesthetic THEN 'LMX4 lidocaine 4% cream' END, CASE WHEN s.anesthetic THEN '4%' END, CASE WHEN s.anesthetic THEN 'Full face' END,
            CASE WHEN s.anesthetic THEN s.started_at - interval '40 minutes' END, CASE WHEN s.anesthetic THEN s.started_at - interval '5 minutes' END,
            s.practitioner_id, s.started_at, s.acknowledgements, 'acne_scars'
       FROM jsonb_to_recordset($2::jsonb) AS s(id uuid, patient_id uuid, location_id uuid, practitioner_id uuid, appointment_id uuid, device_id uuid,
                                              procedure_kind text, max_depth_mm numeric, performed_on date, started_at timestamptz, erythema_grade int,
                                              anesthetic boolean, acknowledgements jsonb)`,
    [organizationId, JSON.stringify(rows)],
  );
  const zones = sessions.flatMap((s) =>
    s.zones.map((z, position) => ({ session_id: s.id, zone: z.zone, depth_mm: z.depthMm, passes: z.passes, override_reason: z.overrideReason ?? null, position })),
  );
  await manager.query(
    `INSERT INTO treatment_session_zones (organization_id, session_id, zone, depth_mm, passes, override_reason, position)
     SELECT $1, z.session_id, z.zone, z.depth_mm, z.passes, z.override_reason, z.position
       FROM jsonb_to_recordset($2::jsonb) AS z(session_id uuid, zone text, depth_mm numeric, passes int, override_reason text, position int)`,
    [organizationId, JSON.stringify(zones)],
  );
}

/** Signs the sessions (by their practitioner, fifty minutes after the start). */
export async function signHistorySessions(manager: EntityManager, organizationId: string, sessionIds: string[]): Promise<void> {
  await manager.query(
    `UPDATE treatment_sessions SET status = 'signed', signed_by = practitioner_id, signed_at = started_at + make_interval(mins => $3)
      WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
    [organizationId, sessionIds, SESSION_MINUTES],
  );
}

/** The courses' Goodman & Baron scores (domain.md section 8), each tied to its course and, at a session, to it. */
export async function insertHistoryAssessments(manager: EntityManager, organizationId: string, assessments: HistoryAssessment[]): Promise<void> {
  await manager.query(
    `INSERT INTO outcome_assessments (organization_id, patient_id, scale, scale_version, score, assessed_on, session_id, plan_id, assessor_id, recorded_at)
     SELECT $1, a.patient_id, 'goodman_baron_quantitative', 'Goodman & Baron 2006', a.score, a.assessed_on, a.session_id, a.plan_id, a.assessor_id, a.recorded_at
       FROM jsonb_to_recordset($2::jsonb) AS a(patient_id uuid, plan_id uuid, session_id uuid, assessed_on date, score numeric, assessor_id uuid, recorded_at timestamptz)`,
    [
      organizationId,
      JSON.stringify(
        assessments.map((a) => ({
          patient_id: a.patientId,
          plan_id: a.planId,
          session_id: a.sessionId,
          assessed_on: a.assessedOn,
          score: a.score,
          assessor_id: a.assessorId,
          recorded_at: a.recordedAt.toISOString(),
        })),
      ),
    ],
  );
}

/**
 * A few adverse events after the signed sessions (about 1 in 100 sessions in the cosmetic band, rising to about 4
 * in 100 in the deepest), recorded by the practitioner when the patient reported them.
 */
export async function insertHistoryAdverseEvents(manager: EntityManager, organizationId: string, sessions: HistorySession[], random: DemoRandom, lastDay: IsoDate): Promise<number> {
  const rows: unknown[] = [];
  for (const s of sessions) {
    if (!random.chance(0.01 + 0.008 * s.bandIndex)) continue;
    const type = random.pick(EVENT_TYPES_BY_BAND[s.bandIndex]);
    const info = ADVERSE_EVENTS[type];
    const onset = addDays(s.performedOn, type === 'acne_milia' ? 10 : type === 'post_inflammatory_hyperpigmentation' ? 14 : 1);
    if (onset > lastDay) continue;
    rows.push({
      id: randomUUID(),
      session_id: s.id,
      patient_id: s.patientId,
      type,
      onset_on: onset,
      grade: type === 'post_inflammatory_hyperpigmentation' ? 2 : random.int(1, 2),
      duration_days: random.int(info.days[0], info.days[1]),
      description: info.description,
      treatment: info.treatment,
      outcome: info.outcome,
      recorded_by: s.practitionerId,
      recorded_at: `${addDays(onset, 1)}T15:00:00Z`,
    });
  }
  await manager.query(
    `INSERT INTO adverse_events (id, organization_id, session_id, patient_id, type, onset_on, grade, duration_days, description, treatment, outcome, recorded_by, recorded_at)
     SELECT e.id, $1, e.session_id, e.patient_id, e.type, e.onset_on, e.grade, e.duration_days, e.description, e.treatment, e.outcome, e.recorded_by, e.recorded_at
       FROM jsonb_to_recordset($2::jsonb) AS e(id uuid, session_id uuid, patient_id uuid, type text, onset_on date, grade int, duration_days int,
                                              description text, treatment text, outcome text, recorded_by uuid, recorded_at timestamptz)`,
    [organizationId, JSON.stringify(rows)],
  );
  return rows.length;
}

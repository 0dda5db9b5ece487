import { classifyProcedure, screenPatient, type FitzpatrickType, type MedicalHistoryAnswers } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { DemoRandom, isoDaysAgo } from './demo-random';

interface DemoZone {
  zone: string;
  depthMm: number;
  passes: number;
}

/** Medical courses for acne scars and a cosmetic refresh (domain.md sections 2 and 3), within the zone maximums. */
const MEDICAL_PLAN: DemoZone[] = [
  { zone: 'cheeks', depthMm: 1.5, passes: 3 },
  { zone: 'forehead', depthMm: 0.5, passes: 2 },
  { zone: 'chin_jawline', depthMm: 1, passes: 2 },
];
const COSMETIC_PLAN: DemoZone[] = [
  { zone: 'forehead', depthMm: 0.25, passes: 2 },
  { zone: 'cheeks', depthMm: 0.25, passes: 2 },
  { zone: 'periorbital', depthMm: 0.25, passes: 1 },
];

/**
 * A treatment history for patients who signed a medical-needling consent: signed sessions 4–5 weeks apart over the
 * last months at Harbour Street, each with its cartridge taken from lot SP24K117 through the ledger, a few adverse
 * events, and Goodman & Baron scores falling over the course — so the exposure list, the timeline and the outcomes
 * chart have something to show. Sessions are written in progress, charted, then signed, as the app does.
 */
export async function loadDemoTreatments(manager: EntityManager, organizationId: string, practitionerId: string): Promise<void> {
  const random = new DemoRandom(7);
  const [location] = await manager.query(`SELECT id FROM locations WHERE organization_id = $1 AND name = 'Harbour Street'`, [organizationId]);
  const [device] = await manager.query(`SELECT id FROM devices WHERE organization_id = $1 AND serial_number = 'SPP-2210-4471'`, [organizationId]);
  const [lot] = await manager.query(`SELECT id FROM lots WHERE organization_id = $1 AND lot_number = 'SP24K117'`, [organizationId]);
  const candidates: { patient_id: string; answers: MedicalHistoryAnswers | null; fitzpatrick_type: number | null }[] = await manager.query(
    `SELECT DISTINCT ON (c.patient_id) c.patient_id, h.answers, p.fitzpatrick_type
     FROM consent_records c
     JOIN patients p ON p.id = c.patient_id
     LEFT JOIN LATERAL (SELECT answers FROM patient_medical_histories WHERE patient_id = c.patient_id ORDER BY version DESC LIMIT 1) h ON true
     WHERE c.organization_id = $1 AND c.kind = 'medical_needling' AND c.signed_at IS NOT NULL AND c.revoked_at IS NULL AND p.archived_at IS NULL
     ORDER BY c.patient_id`,
    [organizationId],
  );
  // Only patients the screening would have let through over the last months: a demo must not show treatment that a
  // contraindication (e.g. recent isotretinoin) forbade.
  const screenedOn = [isoDaysAgo(0), isoDaysAgo(60), isoDaysAgo(120)];
  const patients = candidates
    .filter((c) =>
      screenedOn.every(
        (onDate) =>
          screenPatient({ answers: c.answers, fitzpatrickType: (c.fitzpatrick_type ?? undefined) as FitzpatrickType | undefined, procedure: 'medical', onDate })
            .blockers.length === 0,
      ),
    )
    .slice(0, 12);
  for (const [index, { patient_id: patientId, answers, fitzpatrick_type: fitzpatrickType }] of patients.entries()) {
    const medical = index % 4 !== 3;
    const sessions = medical ? random.int(1, 3) : 1;
    let daysAgo = 5 + random.int(0, 20) + 35 * (sessions - 1);
    let score = random.int(18, 30);
    for (let n = 0; n < sessions; n++) {
      const zones = medical ? MEDICAL_PLAN : COSMETIC_PLAN;
      const performedOn = isoDaysAgo(daysAgo);
      // Relative contraindications on the day are acknowledged with a reason, as the app requires.
      const acknowledgements = screenPatient({
        answers,
        fitzpatrickType: (fitzpatrickType ?? undefined) as FitzpatrickType | undefined,
        procedure: classifyProcedure(zones),
        onDate: performedOn,
      }).warnings.map((w) => ({ code: w.code, reason: 'Discussed with the patient before treatment; precautions taken' }));
      const [session] = await manager.query(
        `INSERT INTO treatment_sessions (organization_id, patient_id, location_id, practitioner_id, walk_in_reason, device_id, procedure_kind,
                                         max_depth_mm, performed_on, started_at, technique, clinical_endpoint, erythema_grade,
                                         anesthetic_product, anesthetic_strength, anesthetic_area, anesthetic_applied_at, anesthetic_removed_at,
                                         created_by, created_at, acknowledgements, indication)
         VALUES ($1, $2, $3, $4, 'Demo history', $5, $6, $7, $8, ($8::date + time '10:30') AT TIME ZONE 'America/New_York',
                 'Vertical, horizontal and diagonal passes', 'Uniform pinpoint bleeding', $9,
                 $10, $11, $12, ($8::date + time '09:50') AT TIME ZONE 'America/New_York', ($8::date + time '10:25') AT TIME ZONE 'America/New_York',
                 $4, ($8::date + time '10:30') AT TIME ZONE 'America/New_York', $13::jsonb, $14)
         RETURNING id`,
        [
          organizationId,
          patientId,
          location.id,
          practitionerId,
          device.id,
          classifyProcedure(zones),
          Math.max(...zones.map((z) => z.depthMm)),
          performedOn,
          medical ? 2 : 1,
          medical ? 'LMX4 lidocaine 4% cream' : null,
          medical ? '4%' : null,
          medical ? 'Full face' : null,
          JSON.stringify(acknowledgements),
          // What each plan treats, so "Start from last session" has a previous session to repeat.
          medical ? 'acne_scars' : 'fine_lines',
        ],
      );
      await manager.query(
        `INSERT INTO treatment_session_zones (organization_id, session_id, zone, depth_mm, passes, position)
         SELECT $1, $2, z.zone, z.depth_mm, z.passes, z.position - 1
         FROM unnest($3::text[], $4::numeric[], $5::int[]) WITH ORDINALITY AS z(zone, depth_mm, passes, position)`,
        [organizationId, session.id, zones.map((z) => z.zone), zones.map((z) => z.depthMm), zones.map((z) => z.passes)],
      );
      await manager.query(
        `INSERT INTO stock_movements (organization_id, lot_id, location_id, type, quantity, treatment_session_id, occurred_on, recorded_by)
         VALUES ($1, $2, $3, 'used', 1, $4, $5, $6)`,
        [organizationId, lot.id, location.id, session.id, performedOn, practitionerId],
      );
      await manager.query(
        `UPDATE treatment_sessions SET status = 'signed', signed_by = practitioner_id, signed_at = started_at + interval '50 minutes' WHERE id = $1`,
        [session.id],
      );
      if (medical) {
        await manager.query(
          `INSERT INTO outcome_assessments (organization_id, patient_id, scale, scale_version, score, assessed_on, session_id, assessor_id)
           VALUES ($1, $2, 'goodman_baron_quantitative', 'Goodman & Baron 2006', $3, $4, $5, $6)`,
          [organizationId, patientId, score, performedOn, session.id, practitionerId],
        );
        score = Math.max(0, score - random.int(3, 7));
      }
      if (index % 5 === 1 && n === 0) {
        await manager.query(
          `INSERT INTO adverse_events (organization_id, session_id, patient_id, type, onset_on, grade, duration_days, description, treatment, outcome, recorded_by)
           VALUES ($1, $2, $3, 'erythema', $4::date + 1, 2, 4, 'Redness of both cheeks lasting into day 4', 'Cool compresses, bland moisturiser', 'resolved', $5)`,
          [organizationId, session.id, patientId, performedOn, practitionerId],
        );
      }
      daysAgo -= 35;
    }
  }
}

import type { EntityManager } from 'typeorm';

export interface HistoryRefusal {
  patientId: string;
  locationId: string;
  practitionerId: string;
  appointmentId: string;
  procedureKind: 'cosmetic' | 'medical';
  reasons: { code: string; message: string; subject?: string }[];
  refusedAt: Date;
}

/** What the preflight found on the day when a booked needling visit was deferred at the chair. */
export const CHAIR_REFUSALS: HistoryRefusal['reasons'][] = [
  [{ code: 'contraindication', message: 'Active herpes simplex outbreak', subject: 'active_herpes_outbreak' }],
  [{ code: 'contraindication', message: 'Active inflammatory acne in the treatment area', subject: 'active_inflammatory_acne' }],
  [{ code: 'contraindication', message: 'Open wounds or irritated skin in the treatment area', subject: 'open_wound_or_irritated_skin' }],
  [{ code: 'contraindication', message: 'Active infection in the treatment area (bacterial, fungal or viral)', subject: 'active_infection' }],
  [
    { code: 'consent-missing', message: 'No valid medical needling consent on file' },
    { code: 'contraindication', message: 'Open wounds or irritated skin in the treatment area', subject: 'open_wound_or_irritated_skin' },
  ],
];

export const DEPTH_NEEDS_OVERRIDE: HistoryRefusal['reasons'] = [
  { code: 'zone-above-zone-max', message: 'Cheeks: 2.25 mm is deeper than the zone maximum of 2 mm; record an override reason to proceed', subject: 'cheeks' },
];

export const CONSENT_MISSING: HistoryRefusal['reasons'] = [{ code: 'consent-missing', message: 'No valid medical needling consent on file' }];

/** Refused session starts (issue 17), as the app records them: append-only, with every reason the preflight gave. */
export async function insertHistoryRefusals(manager: EntityManager, organizationId: string, refusals: HistoryRefusal[]): Promise<void> {
  await manager.query(
    `INSERT INTO preflight_refusals (organization_id, patient_id, location_id, practitioner_id, appointment_id, procedure_kind, codes, reasons, refused_at)
     SELECT $1, r.patient_id, r.location_id, r.practitioner_id, r.appointment_id, r.procedure_kind,
            ARRAY(SELECT DISTINCT x->>'code' FROM jsonb_array_elements(r.reasons) x), r.reasons, r.refused_at
       FROM jsonb_to_recordset($2::jsonb) AS r(patient_id uuid, location_id uuid, practitioner_id uuid, appointment_id uuid, procedure_kind text, reasons jsonb, refused_at timestamptz)`,
    [
      organizationId,
      JSON.stringify(
        refusals.map((r) => ({
          patient_id: r.patientId,
          location_id: r.locationId,
          practitioner_id: r.practitionerId,
          appointment_id: r.appointmentId,
          procedure_kind: r.procedureKind,
          reasons: r.reasons,
          refused_at: r.refusedAt.toISOString(),
        })),
      ),
    ],
  );
}

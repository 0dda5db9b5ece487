import type { ServiceProcedureKind } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { SignedConsentValidity } from '../consents/consent-status.service';
import type { PatientScreeningFacts } from '../patients/eligibility.service';

/** A consent as the published view signed_consent_validity gives it, in the camelCase consents' rule reads. */
const CONSENT_JSON = `json_build_object('kind', v.kind, 'signedAt', v.signed_at, 'revokedAt', v.revoked_at, 'validDays', v.valid_days,
  'timeZone', v.time_zone, 'templateVersion', v.template_version, 'reconsentVersions', v.reconsent_versions)`;

export interface UpcomingAppointmentFacts {
  id: string;
  patient_id: string;
  starts_at: string;
  timezone: string;
  service_name: string;
  procedure_kind: ServiceProcedureKind;
  consent_kinds: string[];
  practitioner_name: string | null;
  patient_name: string;
  mrn: string;
  screening: PatientScreeningFacts | null;
  signed_consents: SignedConsentValidity[];
}

export interface ExpiringConsentFacts extends SignedConsentValidity {
  id: string;
  patientId: string;
  patientName: string;
  mrn: string;
}

export interface ConsentCoverageFacts {
  as_of: Date;
  upcoming: UpcomingAppointmentFacts[] | null;
  expiring: ExpiringConsentFacts[] | null;
  /** [signed in the range, of them remotely] */
  signed: [number, number];
}

/**
 * In one statement: the appointments of the next `upcomingDays` (booked, confirmed, checked in) with each patient's
 * screening facts and signed consents (patients' and consents' published views, judged by their own services); the
 * unrevoked consents whose validity ends around the next `expiringDays` (the consents' rule decides exactly); and the
 * consents signed on the range's dates, by channel.
 */
export async function consentCoverageFacts(
  db: EntityManager,
  p: { organizationId: string; from: string; to: string; locationId: string | null; practitionerId: string | null; upcomingDays: number; expiringDays: number },
): Promise<ConsentCoverageFacts> {
  const [row]: ConsentCoverageFacts[] = await db.query(
    `WITH upcoming AS (
       SELECT c.id, c.patient_id, c.practitioner_id, c.starts_at, c.service_name, c.service_procedure_kind, c.service_consent_kinds, l.timezone
         FROM appointment_consent_context c
         JOIN location_directory l ON l.organization_id = c.organization_id AND l.id = c.location_id
        WHERE c.organization_id = $1 AND c.status IN ('booked', 'confirmed', 'checked_in')
          AND c.starts_at >= now() AND c.starts_at < now() + make_interval(days => $6::int)
          AND ($4::uuid IS NULL OR c.location_id = $4) AND ($5::uuid IS NULL OR c.practitioner_id = $5)
     )
     SELECT now() AS as_of,
            (SELECT json_agg(json_build_object(
                      'id', u.id, 'patient_id', u.patient_id, 'starts_at', u.starts_at, 'timezone', u.timezone, 'service_name', u.service_name,
                      'procedure_kind', u.service_procedure_kind, 'consent_kinds', u.service_consent_kinds, 'practitioner_name', st.name,
                      'patient_name', pd.first_name || ' ' || pd.last_name, 'mrn', pd.mrn,
                      'screening', (SELECT to_json(f) FROM patient_screening_facts f WHERE f.organization_id = $1 AND f.patient_id = u.patient_id),
                      'signed_consents', COALESCE((SELECT json_agg(${CONSENT_JSON}) FROM signed_consent_validity v
                                                    WHERE v.organization_id = $1 AND v.patient_id = u.patient_id), '[]'::json))
                    ORDER BY u.starts_at, u.id)
               FROM upcoming u
               JOIN patient_directory pd ON pd.organization_id = $1 AND pd.id = u.patient_id
               LEFT JOIN staff_directory st ON st.organization_id = $1 AND st.id = u.practitioner_id) AS upcoming,
            (SELECT json_agg(json_build_object('id', v.id, 'patientId', v.patient_id, 'patientName', pd.first_name || ' ' || pd.last_name, 'mrn', pd.mrn,
                                               'kind', v.kind, 'signedAt', v.signed_at, 'revokedAt', v.revoked_at, 'validDays', v.valid_days,
                                               'timeZone', v.time_zone, 'templateVersion', v.template_version, 'reconsentVersions', v.reconsent_versions))
               FROM signed_consent_validity v
               JOIN patient_directory pd ON pd.organization_id = v.organization_id AND pd.id = v.patient_id
              WHERE v.organization_id = $1 AND v.revoked_at IS NULL AND pd.archived_at IS NULL
                AND v.signed_at + make_interval(days => v.valid_days) BETWEEN now() - interval '2 days' AND now() + make_interval(days => $7::int + 2)) AS expiring,
            (SELECT json_build_array(count(*), count(*) FILTER (WHERE s.signed_remotely))
               FROM consent_signing_facts s
               LEFT JOIN appointment_consent_context c ON c.organization_id = s.organization_id AND c.id = s.appointment_id
              WHERE s.organization_id = $1 AND s.signed_at >= $2::date - 1 AND s.signed_at < $3::date + 2
                AND (s.signed_at AT TIME ZONE s.time_zone)::date BETWEEN $2::date AND $3::date
                AND ($4::uuid IS NULL OR c.location_id = $4) AND ($5::uuid IS NULL OR c.practitioner_id = $5)) AS signed`,
    [p.organizationId, p.from, p.to, p.locationId, p.practitionerId, p.upcomingDays, p.expiringDays],
  );
  return row;
}

import type { DeviceStatus, LicenceType, LotHoldStatus, ProductKind } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { SignedConsentValidity } from '../consents/consent-status.service';
import type { PatientScreeningFacts } from '../patients/eligibility.service';
import type { AppointmentContextRow } from './appointment-context.queries';
import type { TreatmentSettingsOverrides } from './treatment-settings.service';

type Db = Pick<EntityManager, 'query'>;

/** The practitioner's licences (type and expiry), through staff's published practitioner_licences. */
export async function practitionerLicences(db: Db, organizationId: string, staffMemberId: string): Promise<{ licenceType: LicenceType; expiresOn: string }[]> {
  return db.query(
    `SELECT licence_type AS "licenceType", to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn"
     FROM practitioner_licences WHERE organization_id = $1 AND staff_member_id = $2 ORDER BY expires_on DESC`,
    [organizationId, staffMemberId],
  );
}

/** A pen handpiece, through inventory's published device_directory. */
export async function deviceForUse(
  db: Db,
  organizationId: string,
  id: string,
): Promise<{ serialNumber: string; status: DeviceStatus; statusReason: string | null; locationId: string } | undefined> {
  const [row] = await db.query(
    `SELECT serial_number AS "serialNumber", status, status_reason AS "statusReason", location_id AS "locationId"
     FROM device_directory WHERE organization_id = $1 AND id = $2`,
    [organizationId, id],
  );
  return row;
}

/** A lot with its product, through inventory's published lot_directory. */
export async function lotForUse(
  db: Db,
  organizationId: string,
  id: string,
): Promise<{ id: string; lotNumber: string; holdStatus: LotHoldStatus; expiresOn: string; productName: string; productKind: ProductKind } | undefined> {
  const [row] = await db.query(
    `SELECT id, lot_number AS "lotNumber", status AS "holdStatus", to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn",
            product_name AS "productName", product_kind AS "productKind"
     FROM lot_directory WHERE organization_id = $1 AND id = $2`,
    [organizationId, id],
  );
  return row;
}

/**
 * The patient's latest medical session on or before the date (another than `exceptSessionId`): the one the medical
 * interval is measured from at the chair. treatment_sessions_medical_idx serves it.
 */
export async function latestMedicalSessionUpTo(
  db: Db,
  organizationId: string,
  patientId: string,
  onDate: string,
  exceptSessionId: string | null,
): Promise<{ id: string; date: string } | undefined> {
  const [row] = await db.query(
    `SELECT id, to_char(performed_on, 'YYYY-MM-DD') AS date FROM treatment_sessions
     WHERE organization_id = $1 AND patient_id = $2 AND procedure_kind = 'medical' AND performed_on <= $3::date
       AND ($4::uuid IS NULL OR id <> $4::uuid)
     ORDER BY performed_on DESC LIMIT 1`,
    [organizationId, patientId, onDate, exceptSessionId],
  );
  return row;
}

export interface AppointmentPreflightRow extends AppointmentContextRow {
  /** The clinic's stored treatment settings (organizations' organization_treatment_settings); null: the defaults. */
  treatment_settings: TreatmentSettingsOverrides | null;
  /** The appointment practitioner's licences, latest expiry first. */
  licences: { licenceType: LicenceType; expiresOn: string }[];
  /** The appointment's date at its location. */
  on_date: string;
  /** The patient's latest medical session on or before that date. */
  latest_medical_session: { id: string; date: string } | null;
  /** The patient's row of patients' published patient_screening_facts (null: no such patient). */
  screening_facts: PatientScreeningFacts | null;
  /** The patient's signed consents, from consents' published signed_consent_validity. */
  signed_consents: SignedConsentValidity[];
}

/**
 * What the preflight of a booked appointment reads of treatments' own and published data, in one statement (issue
 * 15): the appointment as appointmentContext reads it, the clinic's treatment settings, the practitioner's licences,
 * the patient's latest medical session up to the appointment's date at its location, the patient's screening facts
 * and signed consents (judged by patients' and consents' services, as their own reads are).
 */
export async function appointmentPreflightFacts(db: Db, organizationId: string, appointmentId: string): Promise<AppointmentPreflightRow | undefined> {
  const [row] = await db.query(
    `SELECT c.id, c.patient_id, c.location_id, l.name AS location_name, l.timezone, l.is_active AS location_is_active, c.practitioner_id,
            st.name AS practitioner_name, c.status, c.starts_at, c.treatment_plan_id, c.service_procedure_kind, c.service_consent_kinds,
            c.min_days_between_medical_sessions, ts.treatment_settings,
            COALESCE((SELECT json_agg(json_build_object('licenceType', pl.licence_type, 'expiresOn', to_char(pl.expires_on, 'YYYY-MM-DD')) ORDER BY pl.expires_on DESC)
                        FROM practitioner_licences pl WHERE pl.organization_id = c.organization_id AND pl.staff_member_id = c.practitioner_id), '[]') AS licences,
            to_char((c.starts_at AT TIME ZONE l.timezone)::date, 'YYYY-MM-DD') AS on_date,
            (SELECT json_build_object('id', s.id, 'date', to_char(s.performed_on, 'YYYY-MM-DD'))
               FROM treatment_sessions s
              WHERE s.organization_id = c.organization_id AND s.patient_id = c.patient_id AND s.procedure_kind = 'medical'
                AND s.performed_on <= (c.starts_at AT TIME ZONE l.timezone)::date
              ORDER BY s.performed_on DESC LIMIT 1) AS latest_medical_session,
            (SELECT to_json(f) FROM patient_screening_facts f WHERE f.organization_id = c.organization_id AND f.patient_id = c.patient_id) AS screening_facts,
            (SELECT coalesce(json_agg(json_build_object(
                      'kind', v.kind, 'signedAt', v.signed_at, 'revokedAt', v.revoked_at, 'validDays', v.valid_days, 'timeZone', v.time_zone,
                      'templateVersion', v.template_version, 'reconsentVersions', v.reconsent_versions)), '[]')
               FROM signed_consent_validity v WHERE v.organization_id = c.organization_id AND v.patient_id = c.patient_id) AS signed_consents
       FROM appointment_treatment_context c
       JOIN staff_directory st ON st.id = c.practitioner_id
       JOIN location_directory l ON l.id = c.location_id
       LEFT JOIN organization_treatment_settings ts ON ts.organization_id = c.organization_id
      WHERE c.organization_id = $1 AND c.id = $2`,
    [organizationId, appointmentId],
  );
  return row;
}

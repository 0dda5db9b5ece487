import { consentStatus, consentValidThrough, type ConsentStatus } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { ConsentRecord } from './consent.entities';
import type { ConsentDetailDto, ConsentDto } from './consents.dto';
import { consentAppointments, type ConsentAppointment } from './consent-appointments.queries';
import { staffNames } from './consent-staff.queries';
import { reconsentVersions } from './consent-templates.queries';
import { hydrateConsentRecord, type ConsentViewRow } from './consent-views.queries';

/** A record with what its status depends on beyond its own row, and the appointment it names. */
export interface ConsentView {
  record: ConsentRecord;
  reconsentVersions: number[];
  names: Map<string, string>;
  appointment: ConsentAppointment | null;
}

/**
 * The organization's records with the re-consent versions of their templates, the names of staff they mention and the
 * appointments they were prepared for.
 */
export async function loadViews(manager: EntityManager, organizationId: string, records: ConsentRecord[]): Promise<ConsentView[]> {
  const templateIds = [...new Set(records.map((r) => r.templateId))];
  const reconsent = templateIds.length > 0 ? await reconsentVersions(manager, organizationId, templateIds) : new Map<string, number[]>();
  const names = await staffNames(manager, organizationId, records.flatMap((r) => [r.createdBy, r.witnessedBy, r.revokedBy]));
  const appointments = await consentAppointments(manager, organizationId, records.map((r) => r.appointmentId));
  return records.map((record) => ({
    record,
    reconsentVersions: reconsent.get(record.templateId) ?? [],
    names,
    appointment: (record.appointmentId && appointments.get(record.appointmentId)) || null,
  }));
}

/** The view of a record read with its extras in one statement (consent-views.queries). */
export function viewFromRow(manager: EntityManager, row: ConsentViewRow): ConsentView {
  const appointment = row.view_appointment;
  return {
    record: hydrateConsentRecord(manager, row),
    reconsentVersions: row.view_reconsent_versions,
    names: new Map(Object.entries(row.view_staff_names ?? {})),
    appointment: appointment && { id: appointment.id, serviceName: appointment.serviceName, startsAt: new Date(appointment.startsAt), timeZone: appointment.timeZone },
  };
}

export function statusOf(view: ConsentView, at: Date): ConsentStatus {
  const r = view.record;
  return consentStatus(
    {
      signedAt: r.signedAt,
      revokedAt: r.revokedAt,
      validDays: r.validDays,
      timeZone: r.timeZone,
      templateVersion: r.templateVersion,
      reconsentVersions: view.reconsentVersions,
    },
    at,
  );
}

export function toConsentDto(view: ConsentView, at: Date): ConsentDto {
  const r = view.record;
  return {
    id: r.id,
    patientId: r.patientId,
    templateId: r.templateId,
    templateVersion: r.templateVersion,
    kind: r.kind,
    title: r.title,
    status: statusOf(view, at),
    validThrough: r.signedAt ? consentValidThrough(r.signedAt, r.validDays, r.timeZone) : null,
    validDays: r.validDays,
    timeZone: r.timeZone,
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdBy ? (view.names.get(r.createdBy) ?? '') : 'Online booking',
    practitionerId: r.practitionerId,
    practitionerName: r.placeholderValues.practitioner,
    appointment: view.appointment && {
      id: view.appointment.id,
      serviceName: view.appointment.serviceName,
      startsAt: view.appointment.startsAt.toISOString(),
      timeZone: view.appointment.timeZone,
    },
    signedAt: r.signedAt?.toISOString() ?? null,
    signerName: r.signerName,
    signedRemotely: r.signedRemotely,
    witnessedAt: r.witnessedAt?.toISOString() ?? null,
    witnessName: r.witnessName,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokedByName: r.revokedBy ? (view.names.get(r.revokedBy) ?? null) : null,
    revocationReason: r.revocationReason,
  };
}

export function toConsentDetailDto(view: ConsentView, at: Date): ConsentDetailDto {
  const r = view.record;
  return {
    ...toConsentDto(view, at),
    body: r.body,
    acknowledgements: r.acknowledgements,
    acceptedAcknowledgements: r.acceptedAcknowledgements,
    electronicSignatureConsent: r.electronicSignatureConsent,
    signature: r.signature,
    signerIp: r.signerIp,
    signerUserAgent: r.signerUserAgent,
    contentHash: r.contentHash,
    recordHash: r.recordHash,
  };
}

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canonicalJson, isoDateInTimeZone, type RuleCode, type ZoneDepthEntry } from '@skinledger/domain';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { PasswordConfirmationService } from '../auth/password-confirmation.service';
import { ConflictError, ForbiddenError, InvalidFieldError, NotFoundError, RuleViolationError, type RuleViolation } from '../common/problems/domain-error';
import { LedgerService } from '../inventory/ledger.service';
import { AppointmentsService } from '../scheduling/appointments.service';
import { findPatient } from '../patients/patient-records';
import type { KeysetPageQueryDto } from '../common/pagination/keyset-page.dto';
import type { AppointmentPreflightQueryDto, PreflightDto } from './preflight.dto';
import { loadAppointmentForTreatment, toAppointmentForTreatment, toSessionLocation, type AppointmentForTreatment, type SessionLocation } from './appointment-context';
import { appointmentPreflightFacts } from './preflight.queries';
import { sessionLocation, sessionOfAppointment } from './appointment-context.queries';
import { PreflightService, type PreflightInput } from './preflight.service';
import { TreatmentSession, TreatmentSessionAddendum, TreatmentSessionZone } from './treatment-session.entity';
import { TreatmentSessionViews } from './treatment-session-views';
import type {
  AddAddendumDto,
  AddCartridgeDto,
  SessionChartDto,
  StartedTreatmentSessionDto,
  StartTreatmentSessionDto,
  TreatmentSessionDto,
  TreatmentSessionSummaryPageDto,
  UpdateTreatmentSessionDto,
} from './treatment-sessions.dto';
import { TreatmentSettingsService } from './treatment-settings.service';
import { insertPreflightRefusal, type PreflightRefusal } from './preflight-refusals.queries';
import { independentTransaction } from '../database/request-transaction';

/** Where and for whom a session happens: from its appointment, or given for a walk-in. */
interface SessionContext {
  patientId: string;
  location: SessionLocation;
  appointment: AppointmentForTreatment | null;
  walkInReason: string | null;
}

/**
 * Treatment sessions: started only when the preflight has no blockers, with the cartridge's `used` movement in the
 * same transaction (a refused or failed start leaves neither); charted while in progress; locked by the treating
 * practitioner's signature, after which the database refuses changes and corrections are addenda.
 */
@Injectable()
export class TreatmentSessionsService {
  private readonly logger = new Logger(TreatmentSessionsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly preflights: PreflightService,
    private readonly ledger: LedgerService,
    private readonly settings: TreatmentSettingsService,
    private readonly views: TreatmentSessionViews,
    private readonly passwords: PasswordConfirmationService,
    private readonly appointments: AppointmentsService,
  ) {}

  /** The checklist for a session as it would start now, without writing anything. */
  async dryRun(actor: Actor, input: StartTreatmentSessionDto): Promise<PreflightDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const context = await this.context(manager, actor, input, false);
      return this.preflights.evaluate(manager, actor, this.preflightInput(actor, context, input));
    });
  }

  /**
   * The checklist for a booked appointment, for its practitioner on the appointment's date at its location: what the
   * dashboard shows at check-in and at the chair before anything is charted.
   */
  async appointmentPreflight(actor: Actor, appointmentId: string, query: AppointmentPreflightQueryDto): Promise<PreflightDto> {
    const { patientId, preflight } = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // The appointment, the settings, the licences, the latest medical session, the patient's screening facts and
      // signed consents: one statement (issue 15).
      const facts = await appointmentPreflightFacts(manager, actor.organizationId, appointmentId);
      if (!facts) throw new NotFoundError('Appointment', appointmentId);
      const appointment = toAppointmentForTreatment(facts);
      const onDate = isoDateInTimeZone(appointment.startsAt, appointment.location.timezone);
      const preflight = await this.preflights.evaluate(manager, actor, {
        patientId: appointment.patientId,
        locationId: appointment.location.id,
        practitionerId: appointment.practitionerId,
        onDate,
        at: appointment.startsAt,
        plannedProcedure: appointment.plannedProcedure,
        serviceConsentKinds: appointment.serviceConsentKinds,
        minDaysBetweenMedicalSessions: appointment.minDaysBetweenMedicalSessions,
        anestheticPlanned: query.anesthetic ?? false,
        photosPlanned: query.photos ?? false,
        ...(query.deviceId ? { deviceId: query.deviceId } : {}),
        ...(query.lotId ? { lotId: query.lotId } : {}),
        // The statement's date is the same day in the same zone; should they ever differ, the preflight reads its own.
        ...(facts.on_date === onDate
          ? {
              known: {
                settings: this.settings.effectiveFrom(facts.treatment_settings),
                licences: facts.licences,
                latestMedicalSession: facts.latest_medical_session,
                screening: facts.screening_facts,
                signedConsents: facts.signed_consents,
              },
            }
          : {}),
      });
      return { patientId: appointment.patientId, preflight };
    });
    // The checklist names the patient's contraindications: a clinical read. The snapshot above is REPEATABLE READ and
    // the audit chain needs READ COMMITTED, so the event commits in its own transaction before the answer goes out.
    await this.dataSource.transaction((manager) =>
      this.audit.recordPatientRead(manager, actor, patientId, 'treatment.preflight_viewed', {
        appointmentId: { to: appointmentId },
        blockers: { to: preflight.blockers.map((b) => b.code) },
      }),
    );
    return preflight;
  }

  async start(actor: Actor, input: StartTreatmentSessionDto): Promise<StartedTreatmentSessionDto> {
    assertDistinctZones(input);
    let refusal: PreflightRefusal | null = null;
    try {
      return await this.startChecked(actor, input, (r) => (refusal = r));
    } catch (error) {
      // The refused start is a safety fact of its own: kept although the request rolls back (issue 17).
      if (refusal) await this.recordRefusal(actor, refusal);
      throw error;
    }
  }

  private async recordRefusal(actor: Actor, refusal: PreflightRefusal): Promise<void> {
    try {
      await independentTransaction(this.dataSource, actor.organizationId, async (manager) => {
        await insertPreflightRefusal(manager, refusal);
      });
    } catch (error) {
      this.logger.error(`A refused session start could not be recorded for the safety report (request ${actor.requestId}): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async startChecked(actor: Actor, input: StartTreatmentSessionDto, refused: (r: PreflightRefusal) => void): Promise<StartedTreatmentSessionDto> {
    return this.dataSource.transaction(async (manager) => {
      const context = await this.context(manager, actor, input);
      // One patient's sessions start one at a time, so two concurrent starts cannot both pass the interval rule.
      await findPatient(manager, actor, context.patientId, true);
      const preflight = await this.preflights.evaluate(manager, actor, this.preflightInput(actor, context, input));
      const violations = preflightViolations(preflight);
      if (violations.length > 0) {
        refused({
          organizationId: actor.organizationId,
          patientId: context.patientId,
          locationId: context.location.id,
          practitionerId: actor.staffMemberId,
          appointmentId: context.appointment?.id ?? null,
          procedureKind: preflight.procedureKind ?? null,
          reasons: violations.map((v) => ({ code: v.code, message: v.message, ...(typeof v.subject === 'string' ? { subject: v.subject } : {}) })),
        });
      }
      assertMayProceed(preflight, 'The session cannot start');

      const postCare = input.postCareGiven ? (await this.settings.effective(manager, actor.organizationId)).postCareInstructions : null;
      const { identifiers } = await manager.insert(TreatmentSession, {
        organizationId: actor.organizationId,
        patientId: context.patientId,
        locationId: context.location.id,
        practitionerId: actor.staffMemberId,
        appointmentId: context.appointment?.id ?? null,
        walkInReason: context.walkInReason,
        deviceId: input.deviceId,
        procedureKind: preflight.procedureKind,
        maxDepthMm: preflight.maxDepthMm,
        performedOn: preflight.onDate,
        ...chartColumns(input),
        postCareInstructions: postCare,
        notes: input.notes ?? '',
        acknowledgements: input.acknowledgements ?? [],
        preflightWarnings: preflight.warnings.map(({ code, message }) => ({ code, message })),
        photosPlanned: input.photosPlanned ?? false,
        status: 'in_progress',
        createdBy: actor.staffMemberId,
      });
      const sessionId = (identifiers[0] as { id: string }).id;
      await this.writeZones(manager, actor, sessionId, input.zones ?? []);
      await this.ledger.recordUse(manager, actor, {
        lotId: input.cartridgeLotId,
        locationId: context.location.id,
        treatmentSessionId: sessionId,
        onDate: preflight.onDate,
      });
      if (context.appointment?.status === 'checked_in') await this.appointments.transitionWithin(manager, actor, context.appointment.id, 'start');
      await this.audit.record(manager, actor, {
        action: 'treatment_session.started',
        entityType: 'treatment_session',
        entityId: sessionId,
        changes: {
          patientId: { to: context.patientId },
          procedureKind: { to: preflight.procedureKind },
          ...(input.indication ? { indication: { to: input.indication } } : {}),
          maxDepthMm: { to: preflight.maxDepthMm },
          deviceId: { to: input.deviceId },
          cartridgeLotId: { to: input.cartridgeLotId },
          ...(context.appointment ? { appointmentId: { to: context.appointment.id } } : { walkInReason: { to: context.walkInReason } }),
          ...(preflight.warnings.length > 0 ? { warnings: { to: preflight.warnings.map((w) => w.code) } } : {}),
        },
      });
      return { session: await this.views.load(manager, actor, sessionId), preflight };
    });
  }

  /** Charting further while in progress: depth-related rules are checked again against the new zones. */
  async update(actor: Actor, id: string, input: UpdateTreatmentSessionDto): Promise<StartedTreatmentSessionDto> {
    assertDistinctZones(input);
    return this.dataSource.transaction(async (manager) => {
      const session = await this.views.find(manager, actor, id, true);
      this.assertEditable(actor, session);
      const zones = input.zones ?? (await manager.find(TreatmentSessionZone, { where: { sessionId: id }, order: { position: 'ASC' } }));
      const acknowledgements = input.acknowledgements ?? session.acknowledgements;
      const preflight = await this.preflights.evaluate(manager, actor, {
        ...(await this.existingContext(manager, actor, session)),
        zones: zones.map(toZoneEntry),
        acknowledgements,
        anestheticPlanned: input.anesthetic === undefined ? session.anestheticProduct !== null : input.anesthetic !== null,
        photosPlanned: input.photosPlanned ?? session.photosPlanned,
        existingSessionId: session.id,
      });
      assertMayProceed(preflight, 'The session cannot be charted this way');

      const patch: Partial<TreatmentSession> = {
        ...chartColumns(input, session),
        procedureKind: preflight.procedureKind,
        maxDepthMm: preflight.maxDepthMm,
        acknowledgements,
        preflightWarnings: preflight.warnings.map(({ code, message }) => ({ code, message })),
        updatedAt: new Date(),
      };
      if (input.notes !== undefined) patch.notes = input.notes;
      if (input.photosPlanned !== undefined) patch.photosPlanned = input.photosPlanned;
      if (input.postCareGiven !== undefined) {
        patch.postCareInstructions = input.postCareGiven ? (await this.settings.effective(manager, actor.organizationId)).postCareInstructions : null;
      }
      await manager.update(TreatmentSession, { id }, patch);
      if (input.zones) {
        await manager.delete(TreatmentSessionZone, { sessionId: id });
        await this.writeZones(manager, actor, id, input.zones);
      }
      await this.audit.record(manager, actor, {
        action: 'treatment_session.charted',
        entityType: 'treatment_session',
        entityId: id,
        changes: {
          ...(input.zones ? { zones: { to: input.zones.map((z) => `${z.zone} ${z.depthMm} mm x${z.passes}`) } } : {}),
          maxDepthMm: { from: session.maxDepthMm, to: preflight.maxDepthMm },
        },
      });
      return { session: await this.views.load(manager, actor, id), preflight };
    });
  }

  /** A second cartridge opened mid-session (domain.md section 9: only when replaced, with a reason). */
  async addCartridge(actor: Actor, id: string, input: AddCartridgeDto): Promise<TreatmentSessionDto> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.views.find(manager, actor, id, true);
      this.assertEditable(actor, session);
      const lotBlockers = await this.preflights.lotBlockers(manager, actor, input.cartridgeLotId, session.locationId, session.performedOn);
      if (lotBlockers.length > 0) throw new RuleViolationError('This cartridge lot cannot be used', lotBlockers.map(toViolation));
      await this.ledger.recordUse(manager, actor, {
        lotId: input.cartridgeLotId,
        locationId: session.locationId,
        treatmentSessionId: id,
        onDate: session.performedOn,
        reason: input.reason,
      });
      return this.views.load(manager, actor, id);
    });
  }

  /** The treating practitioner signs with their password; from then on the record is locked in the database. */
  async sign(actor: Actor, id: string, password: string): Promise<TreatmentSessionDto> {
    await this.passwords.confirm(actor, password);
    return this.dataSource.transaction(async (manager) => {
      const session = await this.views.find(manager, actor, id, true);
      this.assertEditable(actor, session);
      const zoneCount = await manager.count(TreatmentSessionZone, { where: { sessionId: id } });
      if (zoneCount === 0) {
        throw new RuleViolationError('Nothing to sign yet', [{ code: 'zones-missing', message: 'Record the depth of at least one zone before signing' }]);
      }
      const signedAt = new Date();
      await manager.update(TreatmentSession, { id }, { status: 'signed', signedAt, signedBy: actor.staffMemberId, updatedAt: signedAt });
      // The signed record's hash goes into the HMAC'd audit chain: a later rewrite (behind the lock trigger) no longer
      // matches what was signed, and without the chain key no one can write a matching event.
      const sessionHash = signedSessionHash(await this.views.load(manager, actor, id));
      await this.audit.record(manager, actor, {
        action: 'treatment_session.signed',
        entityType: 'treatment_session',
        entityId: id,
        changes: { status: { from: 'in_progress', to: 'signed' }, sessionHash: { to: sessionHash } },
      });
      // Completing the session completes the appointment (issue 7). Read without a lock: an appointment in treatment
      // only moves on through this signature (the session row is locked above); transitionWithin locks it anyway.
      if (session.appointmentId) {
        const appointment = await loadAppointmentForTreatment(manager, actor, session.appointmentId);
        if (appointment.status === 'in_treatment') await this.appointments.transitionWithin(manager, actor, appointment.id, 'complete');
      }
      return this.views.load(manager, actor, id);
    });
  }

  async addAddendum(actor: Actor, id: string, input: AddAddendumDto): Promise<TreatmentSessionDto> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.views.find(manager, actor, id);
      const { identifiers } = await manager.insert(TreatmentSessionAddendum, {
        organizationId: actor.organizationId,
        sessionId: session.id,
        text: input.text,
        authorId: actor.staffMemberId,
      });
      await this.audit.record(manager, actor, {
        action: 'treatment_session.addendum_added',
        entityType: 'treatment_session',
        entityId: id,
        changes: { addendumId: { to: (identifiers[0] as { id: string }).id }, text: { to: input.text } },
      });
      return this.views.load(manager, actor, id);
    });
  }

  /**
   * Reads of sessions are audited in the request's transaction, with the patient as the entity: one read (the page
   * and the patient's existence together) and the audit event.
   */
  async pageForPatient(actor: Actor, patientId: string, query: KeysetPageQueryDto): Promise<TreatmentSessionSummaryPageDto> {
    const manager = this.dataSource.manager;
    const page = await this.views.pageForPatient(manager, actor, patientId, query);
    await this.audit.recordPatientRead(manager, actor, patientId, 'treatment_sessions.listed', { count: { to: page.items.length } });
    return page;
  }

  async get(actor: Actor, id: string): Promise<TreatmentSessionDto> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.views.load(manager, actor, id);
      await this.audit.recordPatientRead(manager, actor, session.patientId, 'treatment_session.viewed', { sessionId: { to: id } });
      return session;
    });
  }

  private assertEditable(actor: Actor, session: TreatmentSession): void {
    if (session.status === 'signed') {
      throw new ConflictError('session-signed', 'The session is signed and locked: record an addendum instead');
    }
    if (session.practitionerId !== actor.staffMemberId) {
      throw new ForbiddenError('Only the treating practitioner charts and signs this session', 'not-treating-practitioner');
    }
  }

  private async context(manager: EntityManager, actor: Actor, input: StartTreatmentSessionDto, lock = true): Promise<SessionContext> {
    if (input.appointmentId) {
      const appointment = await loadAppointmentForTreatment(manager, actor, input.appointmentId, lock ? { hold: this.appointments } : {});
      if (input.patientId && input.patientId !== appointment.patientId) throw new InvalidFieldError('patientId', "is not the appointment's patient");
      if (input.locationId && input.locationId !== appointment.location.id) throw new InvalidFieldError('locationId', "is not the appointment's location");
      if (appointment.status !== 'checked_in' && appointment.status !== 'in_treatment') {
        throw new ConflictError(
          'appointment-not-checked-in',
          `The appointment is ${appointment.status.replaceAll('_', ' ')}: check the patient in before treating`,
          { appointmentStatus: appointment.status },
        );
      }
      const existing = await sessionOfAppointment(manager, actor.organizationId, appointment.id);
      if (existing) {
        throw new ConflictError('appointment-has-session', 'A session was already started for this appointment: chart it further there', { sessionId: existing.id });
      }
      return { patientId: appointment.patientId, location: appointment.location, appointment, walkInReason: null };
    }
    if (!input.walkInReason) throw new InvalidFieldError('walkInReason', 'is required for a session without an appointment');
    if (!input.patientId) throw new InvalidFieldError('patientId', 'is required for a session without an appointment');
    if (!input.locationId) throw new InvalidFieldError('locationId', 'is required for a session without an appointment');
    const found = await sessionLocation(manager, actor.organizationId, input.locationId);
    if (!found) throw new InvalidFieldError('locationId', 'no such location in your organization');
    const location = toSessionLocation(found);
    if (!location.isActive) throw new InvalidFieldError('locationId', `${location.name} is inactive`);
    await findPatient(manager, actor, input.patientId);
    return { patientId: input.patientId, location, appointment: null, walkInReason: input.walkInReason };
  }

  private async existingContext(manager: EntityManager, actor: Actor, session: TreatmentSession): Promise<PreflightInput> {
    const appointment = session.appointmentId ? await loadAppointmentForTreatment(manager, actor, session.appointmentId) : null;
    return {
      ...(appointment ? { serviceConsentKinds: appointment.serviceConsentKinds, minDaysBetweenMedicalSessions: appointment.minDaysBetweenMedicalSessions } : {}),
      patientId: session.patientId,
      locationId: session.locationId,
      practitionerId: session.practitionerId,
      onDate: session.performedOn,
      at: new Date(),
      anestheticPlanned: session.anestheticProduct !== null,
      photosPlanned: session.photosPlanned,
      existingSessionId: session.id,
    };
  }

  private preflightInput(actor: Actor, context: SessionContext, input: StartTreatmentSessionDto): PreflightInput {
    const at = new Date();
    const appointment = context.appointment;
    return {
      patientId: context.patientId,
      locationId: context.location.id,
      practitionerId: actor.staffMemberId,
      onDate: isoDateInTimeZone(at, context.location.timezone),
      at,
      zones: (input.zones ?? []).map(toZoneEntry),
      ...(appointment
        ? {
            plannedProcedure: appointment.plannedProcedure,
            serviceConsentKinds: appointment.serviceConsentKinds,
            minDaysBetweenMedicalSessions: appointment.minDaysBetweenMedicalSessions,
            booked: { practitionerId: appointment.practitionerId, practitionerName: appointment.practitionerName },
          }
        : {}),
      anestheticPlanned: !!input.anesthetic,
      photosPlanned: input.photosPlanned ?? false,
      deviceId: input.deviceId,
      lotId: input.cartridgeLotId,
      acknowledgements: input.acknowledgements ?? [],
    };
  }

  private async writeZones(manager: EntityManager, actor: Actor, sessionId: string, zones: SessionChartDto['zones'] & object): Promise<void> {
    if (zones.length === 0) return;
    await manager.insert(
      TreatmentSessionZone,
      zones.map((z, position) => ({
        organizationId: actor.organizationId,
        sessionId,
        zone: z.zone,
        depthMm: z.depthMm,
        passes: z.passes,
        overrideReason: z.overrideReason ?? null,
        position,
      })),
    );
  }
}

/**
 * SHA-256 over the canonical JSON (sorted keys) of the session as signed, addenda aside (they come later, on purpose)
 * and the record hash itself aside (it is this hash, read back from the audit chain).
 */
export function signedSessionHash(session: TreatmentSessionDto): string {
  const { addenda: _addenda, recordHash: _recordHash, ...signed } = session;
  return createHash('sha256').update(canonicalJson(signed), 'utf8').digest('hex');
}

function toZoneEntry(z: { zone: string; depthMm: number; passes: number; overrideReason?: string | null }): ZoneDepthEntry {
  return { zone: z.zone, depthMm: z.depthMm, passes: z.passes, overrideReason: z.overrideReason ?? undefined };
}

function toViolation(item: { code: RuleCode; message: string; subject?: string }): RuleViolation {
  return { code: item.code, message: item.message, ...(item.subject ? { subject: item.subject } : {}) };
}

/** The preflight's blockers, and its warnings not acknowledged with a reason: what keeps a session from going ahead. */
function preflightViolations(preflight: PreflightDto): RuleViolation[] {
  const unacknowledged = PreflightService.unacknowledged(preflight).map((w) => ({
    code: 'acknowledgement-required' as const,
    message: `${w.message}: acknowledge with a reason to proceed`,
    subject: w.subject,
  }));
  return [...preflight.blockers, ...unacknowledged].map(toViolation);
}

/** Blockers, and relative contraindications not yet acknowledged, refuse the write with every one of them listed. */
function assertMayProceed(preflight: PreflightDto, detail: string): void {
  const violations = preflightViolations(preflight);
  if (violations.length > 0) throw new RuleViolationError(detail, violations);
}

function assertDistinctZones(input: SessionChartDto): void {
  const seen = new Set<string>();
  for (const [index, z] of (input.zones ?? []).entries()) {
    if (seen.has(z.zone)) throw new InvalidFieldError(`zones.${index}.zone`, `${z.zone} is listed twice`);
    seen.add(z.zone);
  }
}

/** The charted columns present in the input (for an update, absent fields keep the session's values). */
function chartColumns(input: SessionChartDto, current?: TreatmentSession): Partial<TreatmentSession> {
  const columns: Partial<TreatmentSession> = {};
  if (input.indication !== undefined || !current) columns.indication = input.indication ?? null;
  if (input.technique !== undefined || !current) columns.technique = input.technique ?? null;
  if (input.clinicalEndpoint !== undefined || !current) columns.clinicalEndpoint = input.clinicalEndpoint ?? null;
  if (input.erythemaGrade !== undefined || !current) columns.erythemaGrade = input.erythemaGrade ?? null;
  if (input.topicalProducts !== undefined || !current) {
    columns.topicalProducts = (input.topicalProducts ?? []).map((t) => ({ name: t.name, lotNumber: t.lotNumber ?? null }));
  }
  if (input.anesthetic !== undefined || !current) {
    const a = input.anesthetic ?? null;
    columns.anestheticProduct = a?.product ?? null;
    columns.anestheticStrength = a?.strength ?? null;
    columns.anestheticLotNumber = a?.lotNumber ?? null;
    columns.anestheticArea = a?.area ?? null;
    columns.anestheticAppliedAt = a?.appliedAt ? new Date(a.appliedAt) : null;
    columns.anestheticRemovedAt = a?.removedAt ? new Date(a.removedAt) : null;
    if (columns.anestheticRemovedAt && (!columns.anestheticAppliedAt || columns.anestheticRemovedAt < columns.anestheticAppliedAt)) {
      throw new InvalidFieldError('anesthetic.removedAt', 'must be after appliedAt');
    }
  }
  return columns;
}

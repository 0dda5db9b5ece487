import { Injectable } from '@nestjs/common';
import {
  consentMissingViolations,
  credentialViolation,
  deviceUseBlockers,
  evaluateZoneDepths,
  lotUseBlockers,
  maxDepthAllowedMm,
  preflightZoneCode,
  medicalIntervalViolation,
  MEDICAL_DEPTH_THRESHOLD_MM,
  readable,
  requiredConsentKinds,
  type IsoDate,
  type LicenceType,
  type ProcedureKind,
  type ZoneDepthEntry,
  zoneFindingClass,
} from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { LedgerService } from '../inventory/ledger.service';
import { EligibilityService, type PatientScreeningFacts } from '../patients/eligibility.service';
import type { PreflightDto, PreflightItemDto } from './preflight.dto';
import { ConsentStatusService, type SignedConsentValidity } from '../consents/consent-status.service';
import { deviceForUse, latestMedicalSessionUpTo, lotForUse, practitionerLicences } from './preflight.queries';
import type { ContraindicationAcknowledgement } from './treatment-session.entity';
import { TreatmentSettingsService, type EffectiveTreatmentSettings } from './treatment-settings.service';

export interface PreflightInput {
  patientId: string;
  locationId: string;
  practitionerId: string;
  onDate: IsoDate;
  at: Date;
  /** Zones as charted; without them the planned procedure decides (e.g. the appointment's service). */
  zones?: readonly ZoneDepthEntry[];
  plannedProcedure?: ProcedureKind;
  /** Consent kinds the booked service names, on top of those the procedure itself needs. */
  serviceConsentKinds?: readonly string[];
  anestheticPlanned?: boolean;
  photosPlanned?: boolean;
  deviceId?: string;
  lotId?: string;
  acknowledgements?: readonly ContraindicationAcknowledgement[];
  /** The minimum days since the previous medical session: the service's, else the organization's setting. */
  minDaysBetweenMedicalSessions?: number;
  /** A session being charted further: its own row does not count as "previous", its lot and device are already used. */
  existingSessionId?: string;
  /** The appointment's practitioner, when a session starts from an appointment: only they may treat it. */
  booked?: { practitionerId: string; practitionerName: string };
  /** What the caller's own statement already read (issue 15: the appointment preflight reads them with the appointment). */
  known?: PreflightFacts;
}

/**
 * The settings, the practitioner's licences, the latest medical session up to `onDate`, the patient's screening facts
 * and signed consents, read beforehand.
 */
export interface PreflightFacts {
  settings: EffectiveTreatmentSettings;
  licences: { licenceType: LicenceType; expiresOn: string }[];
  latestMedicalSession: { id: string; date: string } | null;
  /** The patient's row of patients' patient_screening_facts (null: no such patient). */
  screening: PatientScreeningFacts | null;
  signedConsents: SignedConsentValidity[];
}

/**
 * The safety checklist before and during needling. Every rule of the preflight is evaluated and every
 * failure listed (not just the first), so the practitioner sees at once all that stands in the way:
 * consents (domain.md section 6), contraindications (section 4), the interval since the last medical session
 * (section 3), the practitioner's licence for the depth (section 1), depth per zone (section 2), the device and the
 * cartridge lot (section 9). The consent, interval and licence rules are libs/domain's, the same booking and
 * check-in ask.
 */
@Injectable()
export class PreflightService {
  constructor(
    private readonly eligibility: EligibilityService,
    private readonly settings: TreatmentSettingsService,
    private readonly ledger: LedgerService,
    private readonly consents: ConsentStatusService,
  ) {}

  async evaluate(manager: EntityManager, actor: Actor, input: PreflightInput): Promise<PreflightDto> {
    const blockers: PreflightItemDto[] = [];
    const warnings: PreflightItemDto[] = [];
    const settings = input.known?.settings ?? (await this.settings.effective(manager, actor.organizationId));
    if (input.booked && input.booked.practitionerId !== input.practitionerId) {
      blockers.push({
        code: 'practitioner-not-booked',
        message: `The appointment is booked with ${input.booked.practitionerName}: reassign it before treating`,
      });
    }
    // The licence (domain.md section 1): none on file or none current blocks any treating; a planned medical
    // session without zones needs a licence allowing medical depth; charted zones are held to it one by one below.
    const licences = input.known?.licences ?? (await practitionerLicences(manager, actor.organizationId, input.practitionerId));
    const practitionerMaxDepthMm = maxDepthAllowedMm(licences, input.onDate);
    const zones = input.zones ?? [];
    const charted = zones.length > 0;
    const plannedDepthMm = !charted && input.plannedProcedure === 'medical' ? MEDICAL_DEPTH_THRESHOLD_MM : 0;
    const licence = credentialViolation(licences, input.onDate, plannedDepthMm, undefined, readable(actor.locale));
    if (licence) blockers.push({ code: licence.code, message: licence.message });

    // Depth per zone and the procedure kind it implies.
    let procedureKind: ProcedureKind = input.plannedProcedure ?? 'cosmetic';
    let maxDepthMm = 0;
    if (charted) {
      const evaluation = evaluateZoneDepths({ zones, zoneMaxMm: settings.zoneMaxMm, practitionerMaxDepthMm });
      procedureKind = evaluation.procedureKind;
      maxDepthMm = evaluation.maxDepthMm;
      for (const finding of evaluation.findings) {
        const item = { code: preflightZoneCode(finding.code), message: finding.message, subject: finding.zone };
        (zoneFindingClass(finding) === 'warning' ? warnings : blockers).push(item);
      }
    }

    // Contraindications: absolute ones block; relative ones need an acknowledgement with a reason.
    // Judged by patients' own rule, over the facts read beforehand or read now.
    const screening = input.known
      ? await this.eligibility.judge(manager, actor, input.patientId, input.known.screening, procedureKind, input.onDate)
      : await this.eligibility.evaluate(manager, actor, input.patientId, procedureKind, input.onDate);
    for (const b of screening.blockers) {
      blockers.push({ code: b.code === 'patient-archived' ? 'patient-archived' : 'contraindication', message: b.message, subject: b.code });
    }
    const acknowledged = new Map((input.acknowledgements ?? []).filter((a) => a.reason.trim()).map((a) => [a.code, a.reason.trim()]));
    for (const w of screening.warnings) {
      const reason = acknowledged.get(w.code);
      warnings.push({
        code: 'relative-contraindication',
        message: reason ? `${w.message} — acknowledged: ${reason}` : w.message,
        subject: w.code,
        requiresAcknowledgement: !reason,
      });
    }

    // Consents of each kind this treatment needs.
    const consentKinds = requiredConsentKinds({
      procedure: procedureKind,
      serviceConsentKinds: input.serviceConsentKinds,
      anesthetic: input.anestheticPlanned,
      photos: input.photosPlanned,
    });
    const missing = input.known
      ? this.consents.missingAmong(input.known.signedConsents, consentKinds, input.at)
      : await this.consents.missingConsentKinds(manager, actor.organizationId, input.patientId, consentKinds, input.at);
    blockers.push(...consentMissingViolations(missing));

    if (procedureKind === 'medical') {
      const minDays = input.minDaysBetweenMedicalSessions ?? settings.minDaysBetweenMedicalSessions;
      const interval = await this.medicalInterval(manager, actor, input, minDays);
      if (interval) blockers.push({ code: interval.code, message: interval.message, subject: interval.subject });
    }

    if (!input.existingSessionId) {
      await this.checkDevice(manager, actor, input, blockers);
      if (input.lotId) blockers.push(...(await this.lotBlockers(manager, actor, input.lotId, input.locationId, input.onDate)));
    }

    return {
      ok: blockers.length === 0,
      blockers,
      warnings,
      procedureKind,
      maxDepthMm,
      onDate: input.onDate,
      requiredConsentKinds: consentKinds,
      practitionerMaxDepthMm,
    };
  }

  /** The relative contraindications still waiting for an acknowledgement: starting needs them all acknowledged. */
  static unacknowledged(preflight: PreflightDto): PreflightItemDto[] {
    return preflight.warnings.filter((w) => w.requiresAcknowledgement);
  }

  /** The medical interval (domain.md section 3) from the patient's latest medical session up to the day. */
  private async medicalInterval(manager: EntityManager, actor: Actor, input: PreflightInput, minDays: number) {
    if (minDays <= 0) return null;
    const previous = input.known
      ? input.known.latestMedicalSession
      : await latestMedicalSessionUpTo(manager, actor.organizationId, input.patientId, input.onDate, input.existingSessionId ?? null);
    return medicalIntervalViolation(input.onDate, previous ? [previous] : [], minDays, readable(actor.locale));
  }

  private async checkDevice(manager: EntityManager, actor: Actor, input: PreflightInput, blockers: PreflightItemDto[]): Promise<void> {
    if (!input.deviceId) return;
    const device = await deviceForUse(manager, actor.organizationId, input.deviceId);
    if (!device) {
      blockers.push({ code: 'device-unknown', message: 'No such device in your organization' });
      return;
    }
    for (const b of deviceUseBlockers(device, input.locationId)) blockers.push({ ...b, subject: device.serialNumber });
  }

  /** Why a cartridge lot cannot be used at a location on a date: unknown, not a cartridge, held, expired, none on hand. */
  async lotBlockers(manager: EntityManager, actor: Actor, lotId: string, locationId: string, onDate: IsoDate): Promise<PreflightItemDto[]> {
    const blockers: PreflightItemDto[] = [];
    const lot = await lotForUse(manager, actor.organizationId, lotId);
    if (!lot) return [{ code: 'lot-unknown', message: 'No such cartridge lot in your organization' }];
    if (lot.productKind !== 'needle_cartridge') {
      blockers.push({ code: 'lot-not-cartridge', message: `Lot ${lot.lotNumber} is ${lot.productName}, not a needle cartridge`, subject: lot.lotNumber });
    }
    for (const b of lotUseBlockers(lot, onDate, readable(actor.locale))) {
      blockers.push({ ...b, subject: lot.lotNumber });
    }
    const onHand = await this.ledger.onHand(manager, lot.id, locationId);
    if (onHand < 1) {
      blockers.push({ code: 'lot-out-of-stock', message: `Lot ${lot.lotNumber} has none on hand at this location`, subject: lot.lotNumber });
    }
    return blockers;
  }
}

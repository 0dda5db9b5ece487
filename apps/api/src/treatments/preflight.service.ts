import { Injectable } from '@nestjs/common';
import {
  addDays,
  deviceUseBlockers,
  evaluateZoneDepths,
  lotUseBlockers,
  maxDepthAllowedMm,
  preflightZoneCode,
  type IsoDate,
  type LicenceType,
  type ProcedureKind,
  type ZoneDepthEntry,
} from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { Device } from '../inventory/device.entity';
import { LedgerService } from '../inventory/ledger.service';
import { Lot } from '../inventory/lot.entity';
import { Product } from '../inventory/product.entity';
import { EligibilityService } from '../patients/eligibility.service';
import { PractitionerCredential } from '../staff/practitioner-credential.entity';
import type { PreflightDto, PreflightItemDto } from './preflight.dto';
import { ConsentStatusService } from '../consents/consent-status.service';
import type { ContraindicationAcknowledgement } from './treatment-session.entity';
import { TreatmentSettingsService } from './treatment-settings.service';

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
}

const CONSENT_LABELS: Record<string, string> = {
  cosmetic_needling: 'cosmetic needling',
  medical_needling: 'medical needling',
  topical_anesthetic: 'topical anaesthetic',
  photography: 'photography',
};

/**
 * The safety checklist before and during needling. Every rule of the preflight is evaluated and every
 * failure listed (not just the first), so the practitioner sees at once all that stands in the way:
 * consents (domain.md section 6), contraindications (section 4), the interval since the last medical session
 * (section 3), the practitioner's licence for the depth (section 1), depth per zone (section 2), the device and the
 * cartridge lot (section 9).
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
    const settings = await this.settings.effective(manager, actor.organizationId);
    if (input.booked && input.booked.practitionerId !== input.practitionerId) {
      blockers.push({
        code: 'practitioner-not-booked',
        message: `The appointment is booked with ${input.booked.practitionerName}: reassign it before treating`,
      });
    }
    const practitionerMaxDepthMm = await this.practitionerMaxDepth(manager, actor, input.practitionerId, input.onDate, blockers);

    // Depth per zone and the procedure kind it implies.
    let procedureKind: ProcedureKind = input.plannedProcedure ?? 'cosmetic';
    let maxDepthMm = 0;
    if (input.zones && input.zones.length > 0) {
      const evaluation = evaluateZoneDepths({ zones: input.zones, zoneMaxMm: settings.zoneMaxMm, practitionerMaxDepthMm });
      procedureKind = evaluation.procedureKind;
      maxDepthMm = evaluation.maxDepthMm;
      for (const finding of evaluation.findings) {
        const item = { code: preflightZoneCode(finding.code), message: finding.message, subject: finding.zone };
        (finding.severity === 'warning' ? warnings : blockers).push(item);
      }
    } else if (procedureKind === 'medical' && practitionerMaxDepthMm < 0.5) {
      blockers.push({ code: 'credential-insufficient', message: 'Medical needling (0.5 mm or deeper) needs a practitioner whose current licence allows it' });
    }

    // Contraindications: absolute ones block; relative ones need an acknowledgement with a reason.
    const screening = await this.eligibility.evaluate(manager, actor, input.patientId, procedureKind, input.onDate);
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
    const requiredConsentKinds = requiredKinds(procedureKind, input);
    const missing = await this.consents.missingConsentKinds(manager, actor.organizationId, input.patientId, requiredConsentKinds, input.at);
    for (const kind of missing) {
      blockers.push({ code: 'consent-missing', message: `No valid ${CONSENT_LABELS[kind] ?? kind.replaceAll('_', ' ')} consent on file`, subject: kind });
    }

    if (procedureKind === 'medical') {
      const minDays = input.minDaysBetweenMedicalSessions ?? settings.minDaysBetweenMedicalSessions;
      const previous = await this.previousMedicalSession(manager, actor, input, minDays);
      if (previous) {
        blockers.push({
          code: 'medical-interval',
          message: `Previous medical session on ${previous}: at least ${minDays} days are needed (from ${addDays(previous, minDays)})`,
          subject: previous,
        });
      }
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
      requiredConsentKinds,
      practitionerMaxDepthMm,
    };
  }

  /** The relative contraindications still waiting for an acknowledgement: starting needs them all acknowledged. */
  static unacknowledged(preflight: PreflightDto): PreflightItemDto[] {
    return preflight.warnings.filter((w) => w.requiresAcknowledgement);
  }

  private async practitionerMaxDepth(manager: EntityManager, actor: Actor, practitionerId: string, onDate: IsoDate, blockers: PreflightItemDto[]): Promise<number> {
    const credentials = await manager.find(PractitionerCredential, {
      where: { organizationId: actor.organizationId, staffMemberId: practitionerId },
      order: { expiresOn: 'DESC' },
    });
    const maxMm = maxDepthAllowedMm(credentials.map((c) => ({ licenceType: c.licenceType as LicenceType, expiresOn: c.expiresOn })), onDate);
    if (credentials.length === 0) {
      blockers.push({ code: 'credential-missing', message: 'The practitioner has no licence on file: no treating' });
    } else if (!credentials.some((c) => c.expiresOn >= onDate)) {
      blockers.push({ code: 'credential-expired', message: `The practitioner's licence expired on ${credentials[0].expiresOn}: no treating` });
    }
    return maxMm;
  }

  private async previousMedicalSession(manager: EntityManager, actor: Actor, input: PreflightInput, minDays: number): Promise<IsoDate | null> {
    if (minDays <= 0) return null;
    const rows: { performed_on: string }[] = await manager.query(
      `SELECT to_char(performed_on, 'YYYY-MM-DD') AS performed_on FROM treatment_sessions
       WHERE organization_id = $1 AND patient_id = $2 AND procedure_kind = 'medical'
         AND performed_on > $3::date - $4::int AND performed_on <= $3::date
         AND ($5::uuid IS NULL OR id <> $5::uuid)
       ORDER BY performed_on DESC LIMIT 1`,
      [actor.organizationId, input.patientId, input.onDate, minDays, input.existingSessionId ?? null],
    );
    return rows[0]?.performed_on ?? null;
  }

  private async checkDevice(manager: EntityManager, actor: Actor, input: PreflightInput, blockers: PreflightItemDto[]): Promise<void> {
    if (!input.deviceId) return;
    const device = await manager.findOneBy(Device, { id: input.deviceId, organizationId: actor.organizationId });
    if (!device) {
      blockers.push({ code: 'device-unknown', message: 'No such device in your organization' });
      return;
    }
    for (const b of deviceUseBlockers(device, input.locationId)) blockers.push({ ...b, subject: device.serialNumber });
  }

  /** Why a cartridge lot cannot be used at a location on a date: unknown, not a cartridge, held, expired, none on hand. */
  async lotBlockers(manager: EntityManager, actor: Actor, lotId: string, locationId: string, onDate: IsoDate): Promise<PreflightItemDto[]> {
    const blockers: PreflightItemDto[] = [];
    const lot = await manager.findOneBy(Lot, { id: lotId, organizationId: actor.organizationId });
    if (!lot) return [{ code: 'lot-unknown', message: 'No such cartridge lot in your organization' }];
    const product = await manager.findOneByOrFail(Product, { id: lot.productId });
    if (product.kind !== 'needle_cartridge') {
      blockers.push({ code: 'lot-not-cartridge', message: `Lot ${lot.lotNumber} is ${product.name}, not a needle cartridge`, subject: lot.lotNumber });
    }
    for (const b of lotUseBlockers({ holdStatus: lot.status, expiresOn: lot.expiresOn, lotNumber: lot.lotNumber }, onDate)) {
      blockers.push({ ...b, subject: lot.lotNumber });
    }
    const onHand = await this.ledger.onHand(manager, lot.id, locationId);
    if (onHand < 1) {
      blockers.push({ code: 'lot-out-of-stock', message: `Lot ${lot.lotNumber} has none on hand at this location`, subject: lot.lotNumber });
    }
    return blockers;
  }
}

/** Consent kinds a treatment needs (domain.md section 6): one per procedure type, anaesthetic and photography apart. */
function requiredKinds(procedureKind: ProcedureKind, input: PreflightInput): string[] {
  const kinds = new Set<string>(input.serviceConsentKinds ?? []);
  kinds.add(procedureKind === 'medical' ? 'medical_needling' : 'cosmetic_needling');
  if (input.anestheticPlanned) kinds.add('topical_anesthetic');
  if (input.photosPlanned) kinds.add('photography');
  return [...kinds];
}

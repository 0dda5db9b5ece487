import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { findZone, indicationLabel } from '@skinledger/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { InvalidFieldError } from '../common/problems/domain-error';
import { LotsService } from '../inventory/lots.service';
import { findPatient } from '../patients/patient-records';
import { sessionLocation } from './appointment-context.queries';
import { TreatmentSessionZone } from './treatment-session.entity';
import { latestSignedSessionOf } from './treatment-session.queries';
import type { PreviousSessionChartDto, RepeatSessionDto, RepeatSessionQueryDto } from './treatment-sessions.dto';

/**
 * "Start from last session": the patient's previous signed session of the same indication as a chart to start from —
 * its zones, depths and passes, the same pen when it is still in use here, and its cartridge product with the lot
 * inventory suggests at this location (FEFO: the usable lot that expires first, never the old lot as such). Nothing
 * is written; the dashboard puts it in the draft and the preflight runs on it like on any chart, so the licence, the
 * zone maximums of today, consents and the interval are checked again. Reading the previous session is a clinical read
 * and is audited with the patient as the entity.
 */
@Injectable()
export class SessionRepeatService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly lots: LotsService,
  ) {}

  async previous(actor: Actor, patientId: string, query: RepeatSessionQueryDto): Promise<RepeatSessionDto> {
    return this.dataSource.transaction(async (manager) => {
      await findPatient(manager, actor, patientId);
      const location = await sessionLocation(manager, actor.organizationId, query.locationId);
      if (!location) throw new InvalidFieldError('locationId', 'no such location in your organization');
      const row = await latestSignedSessionOf(manager, actor.organizationId, patientId, query.indication);
      let previous: PreviousSessionChartDto | null = null;
      if (row) {
        const zones = await manager.find(TreatmentSessionZone, { where: { sessionId: row.id, organizationId: actor.organizationId }, order: { position: 'ASC' } });
        const notes: string[] = [];
        const deviceLabel = `${row.device_model} · ${row.device_serial_number}`;
        const penHere = row.device_status === 'active' && row.device_location_id === query.locationId;
        if (!penHere) {
          notes.push(
            row.device_status !== 'active'
              ? `The pen used then (${deviceLabel}) is ${row.device_status.replaceAll('_', ' ')}: choose another`
              : `The pen used then (${deviceLabel}) is at another location: choose one here`,
          );
        }
        const suggestion = row.product_id ? await this.lots.suggest(actor, row.product_id, query.locationId) : { lot: null };
        if (!row.product_id) notes.push('No cartridge was recorded for that session: choose one');
        else if (!suggestion.lot) notes.push(`No usable lot of ${row.product_name} is on hand here: choose another cartridge`);
        previous = {
          sessionId: row.id,
          performedOn: row.performed_on,
          practitionerName: row.practitioner_name,
          zones: zones.map((z) => ({ zone: z.zone, label: findZone(z.zone)?.label ?? z.zone, depthMm: z.depthMm, passes: z.passes })),
          deviceId: penHere ? row.device_id : null,
          deviceLabel,
          cartridgeProductId: row.product_id,
          cartridgeProductName: row.product_name,
          lot: suggestion.lot
            ? { id: suggestion.lot.id, lotNumber: suggestion.lot.lotNumber, expiresOn: suggestion.lot.expiresOn, onHand: suggestion.lot.onHand }
            : null,
          notes,
        };
      }
      await this.audit.recordPatientRead(manager, actor, patientId, 'treatment_session.repeat_read', {
        indication: { to: query.indication },
        sessionId: { to: previous?.sessionId ?? null },
      });
      return { indication: query.indication, indicationLabel: indicationLabel(query.indication), previous };
    });
  }
}

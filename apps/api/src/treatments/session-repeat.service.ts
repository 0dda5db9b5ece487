import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { findZone, indicationLabel } from '@skinledger/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { InvalidFieldError, NotFoundError } from '../common/problems/domain-error';
import { repeatSource } from './treatment-session.queries';
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
  ) {}

  async previous(actor: Actor, patientId: string, query: RepeatSessionQueryDto): Promise<RepeatSessionDto> {
    return this.dataSource.transaction(async (manager) => {
      // The patient, the location, the previous chart and the lot to suggest: one statement (issue 15).
      const source = await repeatSource(manager, actor.organizationId, patientId, query.indication, query.locationId);
      if (!source.patient_found) throw new NotFoundError('Patient', patientId);
      if (!source.location_found) throw new InvalidFieldError('locationId', 'no such location in your organization');
      const row = source.previous;
      let previous: PreviousSessionChartDto | null = null;
      if (row) {
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
        if (!row.product_id) notes.push('No cartridge was recorded for that session: choose one');
        else if (!row.lot) notes.push(`No usable lot of ${row.product_name} is on hand here: choose another cartridge`);
        previous = {
          sessionId: row.id,
          performedOn: row.performed_on,
          practitionerName: row.practitioner_name,
          zones: row.zones.map((z) => ({ zone: z.zone, label: findZone(z.zone)?.label ?? z.zone, depthMm: Number(z.depth_mm), passes: z.passes })),
          deviceId: penHere ? row.device_id : null,
          deviceLabel,
          cartridgeProductId: row.product_id,
          cartridgeProductName: row.product_name,
          lot: row.lot ? { id: row.lot.id, lotNumber: row.lot.lot_number, expiresOn: row.lot.expires_on, onHand: row.lot.on_hand } : null,
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

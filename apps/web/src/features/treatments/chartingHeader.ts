import type { ProcedureKind } from '@skinledger/domain';
import { formatInstant } from '@web/lib/time/formatInstant';
import type { ChartingAppointment } from './treatmentTypes';

const STATUS_WORDS: Record<ChartingAppointment['status'], string> = {
  booked: 'booked, not checked in yet',
  confirmed: 'confirmed, not checked in yet',
  checked_in: 'checked in',
  in_treatment: 'in treatment',
  completed: 'completed',
  cancelled: 'cancelled',
  no_show: 'no-show',
};

/** The needling an appointment's service books (consultations and follow-ups book none). */
export function plannedProcedure(appointment: Pick<ChartingAppointment, 'procedureKind'> | undefined): ProcedureKind | null {
  if (appointment?.procedureKind === 'medical_needling') return 'medical';
  if (appointment?.procedureKind === 'cosmetic_needling') return 'cosmetic';
  return null;
}

/** The charting screen's subtitle: the appointment as booked and where it stands, or a walk-in. */
export function chartingSubtitle(mrn: string, locationName: string, appointment: ChartingAppointment | undefined, timeZone: string): string {
  if (!appointment) return `${mrn} · ${locationName} · walk-in`;
  const at = formatInstant(appointment.startsAt, appointment.timeZone || timeZone, 'time');
  return `${mrn} · ${locationName} · ${appointment.serviceName} at ${at} with ${appointment.practitionerName} · ${STATUS_WORDS[appointment.status]}`;
}

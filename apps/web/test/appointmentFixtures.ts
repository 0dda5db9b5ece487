import type { Schemas } from '@skinledger/api-client';

/** An appointment as the API answers it: 10:30 in New York on Wednesday 2 December 2026 (15:30 UTC). */
export const APPOINTMENT: Schemas['AppointmentDto'] = {
  id: 'appointment-1',
  locationId: 'location-1',
  timeZone: 'America/New_York',
  patientId: 'patient-1',
  patientName: 'Elena Marsh',
  patientMrn: 'SL-000007',
  serviceId: 'service-1',
  serviceName: 'Medical needling',
  procedureKind: 'medical_needling',
  practitionerId: 'nurse-1',
  practitionerName: 'Nora Reyes',
  roomId: 'room-1',
  roomName: 'Room 1',
  startsAt: '2026-12-02T15:30:00.000Z',
  endsAt: '2026-12-02T16:30:00.000Z',
  occupiedUntil: '2026-12-02T16:45:00.000Z',
  status: 'booked',
  cancelReason: null,
  cancelledBy: null,
  lateCancellation: false,
  treatmentPlanId: null,
  planSessionNumber: null,
  notes: '',
};

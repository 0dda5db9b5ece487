import { chartingSubtitle, plannedProcedure } from './chartingHeader';
import type { ChartingAppointment } from './treatmentTypes';

const appointment = {
  startsAt: '2026-12-02T15:30:00Z',
  timeZone: 'America/New_York',
  serviceName: 'Medical needling',
  practitionerName: 'Nora Reyes',
  procedureKind: 'medical_needling',
  status: 'checked_in',
} as ChartingAppointment;

it('names the booked service, time, practitioner and where the appointment stands (not "booked" after check-in)', () => {
  const subtitle = chartingSubtitle('SL-000001', 'Harbour Street', appointment, 'UTC');
  expect(subtitle).toMatch(/^SL-000001 · Harbour Street · Medical needling at 10:30(:00)?\sAM with Nora Reyes · checked in$/);
  expect(chartingSubtitle('SL-000001', 'Harbour Street', { ...appointment, status: 'confirmed' }, 'UTC')).toMatch(/confirmed, not checked in yet$/);
  expect(chartingSubtitle('SL-000001', 'Harbour Street', undefined, 'UTC')).toBe('SL-000001 · Harbour Street · walk-in');
});

it('plans the needling the service books', () => {
  expect(plannedProcedure(appointment)).toBe('medical');
  expect(plannedProcedure({ procedureKind: 'cosmetic_needling' })).toBe('cosmetic');
  expect(plannedProcedure({ procedureKind: 'consultation' })).toBeNull();
  expect(plannedProcedure(undefined)).toBeNull();
});

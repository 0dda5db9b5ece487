import { historyRecordedBy } from './historyRecordedBy';

it('names the staff member, or says the patient reported it and staff review it at check-in', () => {
  expect(historyRecordedBy({ source: 'staff', recordedByName: 'Nora Reyes' })).toBe('Nora Reyes');
  expect(historyRecordedBy({ source: 'patient', recordedByName: '' })).toBe('the patient (patient-reported, review at check-in)');
});

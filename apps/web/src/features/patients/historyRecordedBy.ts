/** Who recorded a medical-history version, in the clinic's words: a staff member, or the patient herself before the visit. */
export function historyRecordedBy(version: { source: 'staff' | 'patient'; recordedByName: string }): string {
  return version.source === 'patient' ? 'the patient (patient-reported, review at check-in)' : version.recordedByName;
}

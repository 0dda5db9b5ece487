// One patient record as every feature reads it (charting, scheduling, the profile): the query keys all patient
// data is cached under, the record itself, and how staff name the patient.
export { patientKeys, type PatientSearchParams } from './patientKeys';
export { usePatient } from './hooks/usePatient';
export { fullName, preferredNameOf } from './patientNames';

// Patient records, as other features use them (the pages are in routes.ts). The record itself, as other features
// read it, is the shared entity @web/entities/patient.
// The questionnaire opened in place from elsewhere (the check-in drawer).
export { RecordMedicalHistoryButton } from './components/RecordMedicalHistoryButton';
// "Verify identity" for a patient who registered herself online (the check-in drawer, issue 16).
export { VerifyIdentityCallout } from './components/VerifyIdentityCallout';

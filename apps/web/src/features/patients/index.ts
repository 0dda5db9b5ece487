// Patient records: the list, the profile and the import (for the router). The record itself, as other features
// read it, is the shared entity @web/entities/patient.
export { PatientsPage } from './pages/PatientsPage';
export { PatientProfilePage } from './pages/PatientProfilePage';
export { PatientImportPage } from './pages/PatientImportPage';
// The questionnaire opened in place from elsewhere (the check-in drawer).
export { RecordMedicalHistoryButton } from './components/RecordMedicalHistoryButton';

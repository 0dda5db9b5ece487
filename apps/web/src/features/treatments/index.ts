// Treatment sessions: charting, the session record and after-care (for the router); the patient profile's sessions,
// outcomes and start button; and the treatment section of the settings page.
export { ChartingPage, AppointmentChartingPage } from './pages/ChartingPage';
export { SessionPage } from './pages/SessionPage';
export { AfterCarePage } from './pages/AfterCarePage';
export { SessionPrintPage } from './pages/SessionPrintPage';
export { PatientSessionsPanel } from './components/PatientSessionsPanel';
export { PatientOutcomesPanel } from './components/PatientOutcomesPanel';
export { StartSessionButton } from './components/StartSessionButton';
export { TreatmentSettingsSection } from './components/TreatmentSettingsSection';

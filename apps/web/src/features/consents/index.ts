// Consent forms and signing: the template pages and the kiosk (for the router), and the patient's consents panel.
export { ConsentKioskPage } from './pages/ConsentKioskPage';
export { ConsentTemplatePage } from './pages/ConsentTemplatePage';
export { ConsentTemplatesPage } from './pages/ConsentTemplatesPage';
export { PatientConsentsPanel } from './components/PatientConsentsPanel';
export { useConsentAccess } from './hooks/useConsentAccess';

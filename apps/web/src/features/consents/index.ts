// Consent forms and signing: the template pages and the kiosks (for the router), the patient's consents panel, and the
// check-in drawer's "Prepare and hand over" for a visit's consents.
export { ConsentKioskPage } from './pages/ConsentKioskPage';
export { VisitKioskPage } from './pages/VisitKioskPage';
export { HandOverConsentsButton } from './components/HandOverConsentsButton';
export { ConsentTemplatePage } from './pages/ConsentTemplatePage';
export { ConsentTemplatesPage } from './pages/ConsentTemplatesPage';
export { PatientConsentsPanel } from './components/PatientConsentsPanel';
export { useConsentAccess } from './hooks/useConsentAccess';

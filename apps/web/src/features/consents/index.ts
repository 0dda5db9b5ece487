// Consent forms and signing, as other features use them: the patient's consents panel, and the check-in drawer's
// "Prepare and hand over" for a visit's consents and the witness of those signed at home. The pages are in routes.ts.
import { lazyNamed } from '@web/lib/lazy/lazyNamed';

export { HandOverConsentsButton } from './components/HandOverConsentsButton';
export { WitnessRemoteSignatureButton } from './components/WitnessRemoteSignatureButton';
// The patient profile's Consents tab: its code loads when the tab is first opened.
export const PatientConsentsPanel = lazyNamed(() => import('./components/PatientConsentsPanel'), 'PatientConsentsPanel');
export { useConsentAccess } from './hooks/useConsentAccess';

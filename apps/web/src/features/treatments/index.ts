// Treatment sessions, as other features use them: the patient profile's sessions, outcomes and start button, and the
// treatment section of the settings page. The pages (charting, the session record, after-care) are in routes.ts.
import { lazyNamed } from '@web/lib/lazy/lazyNamed';

// The patient profile's Sessions and Outcomes tabs: their code loads when the tab is first opened.
export const PatientSessionsPanel = lazyNamed(() => import('./components/PatientSessionsPanel'), 'PatientSessionsPanel');
export const PatientOutcomesPanel = lazyNamed(() => import('./components/PatientOutcomesPanel'), 'PatientOutcomesPanel');
export { StartSessionButton } from './components/StartSessionButton';
export { TreatmentSettingsSection } from './components/TreatmentSettingsSection';

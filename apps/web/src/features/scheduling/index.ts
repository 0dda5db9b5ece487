// The clinic's book, as other features use it: booking from elsewhere (the pages are in routes.ts).
import { lazyNamed } from '@web/lib/lazy/lazyNamed';

export { BookAppointmentButton } from './components/BookAppointmentButton';
// The patient's Appointments tab (upcoming and past, the lifecycle actions, the patient's waitlist), for the patient
// page; its code loads when the tab is first opened.
export const PatientAppointmentsPanel = lazyNamed(() => import('./components/PatientAppointmentsPanel'), 'PatientAppointmentsPanel');

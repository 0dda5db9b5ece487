// The clinic's book: schedule, course planner, set-up and outbox (for the router), and booking from elsewhere.
export { SchedulePage } from './pages/SchedulePage';
export { CoursePlannerPage } from './pages/CoursePlannerPage';
export { SchedulingSetupPage } from './pages/SchedulingSetupPage';
export { OutboxPage } from './pages/OutboxPage';
export { BookAppointmentButton } from './components/BookAppointmentButton';
// The patient's Appointments tab (upcoming and past, the lifecycle actions, the patient's waitlist), for the patient page.
export { PatientAppointmentsPanel } from './components/PatientAppointmentsPanel';

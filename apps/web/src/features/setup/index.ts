// First run: the gate that sends an empty installation to set-up (the set-up page is in routes.ts).
export { SetupGate } from './components/SetupGate';
export { setupStatusQuery } from './hooks/useSetupStatus';

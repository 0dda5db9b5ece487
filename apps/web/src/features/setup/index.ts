// First run: the gate that sends an empty installation to set-up, and the set-up page.
export { SetupGate } from './components/SetupGate';
export { SetupPage } from './pages/SetupPage';

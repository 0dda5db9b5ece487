// Staff accounts: the page (for the router) and the staff list other features name people from.
export { StaffPage } from './pages/StaffPage';
export { useStaffList, type StaffMember } from './hooks/useStaffList';

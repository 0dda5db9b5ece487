// Staff accounts, as other features use them: the staff list they name people from (the page is in routes.ts).
export { useStaffList, type StaffMember } from './hooks/useStaffList';

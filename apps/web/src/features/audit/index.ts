// The audit trail: the log page (for the router).
export { AuditLogPage } from './pages/AuditLogPage';

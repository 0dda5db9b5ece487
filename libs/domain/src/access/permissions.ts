import type { StaffRole } from './roles';

/**
 * Every action a route can require. One declared matrix (below) decides which role may do what;
 * the API guards each route with exactly one of these, and the dashboard hides what a role cannot do.
 */
export const PERMISSIONS = [
  'organization.read',
  'organization.manage',
  'staff.read',
  'staff.manage',
  'audit.read',
  // Patients: demographics (name, contact, phototype, allergies, notes, tags), search, archive and restore.
  'patients.read',
  'patients.write',
  // Whole-record JSON export (a data-access request) and CSV import of many patients at once.
  'patients.export',
  'patients.import',
  // The clinical record: medical-history versions, eligibility screening and the patient timeline.
  'clinical_record.read',
  // Recording a new version of the medical-history questionnaire (e.g. the form the patient filled in).
  'medical_history.write',
  // Clinic-wide clinical settings: screening windows and severities, lowered zone maximums, after-care text.
  'settings.manage',
  // Inventory: products, lots and their stock ledger, devices, recalls, alerts.
  'inventory.read',
  // Receiving stock into a location (by form or by scanning the label).
  'inventory.receive',
  // Products, and stock movements by hand: waste, count adjustments, transfers, returns to the supplier.
  'inventory.write',
  // Holding stock back: quarantine, release and recalls.
  'inventory.recall',
  // Pen handpieces: registering, status and the service log.
  'devices.manage',
  // Treatment sessions: preflight, charting depth per zone and cartridge use, signing, addenda, adverse events,
  // photos and outcome assessments. Reading them is clinical_record.read.
  'treatment.record',
  // The clinic's named treatment templates per indication (zones, depths, passes): writing, changing and deleting them.
  // Applying one at the chair is treatment.record.
  'treatment_templates.manage',
  // Who was exposed to a lot or a device: patients' names and contacts for a recall.
  'exposure.read',
  // Consents (domain.md section 6): reading consent records, their status, PDF and verification, and the templates.
  'consents.read',
  // Preparing a consent for the patient, running the signing kiosk and witnessing the signature.
  'consents.prepare',
  // Recording a patient's withdrawal of consent (who, when, why); the signed content stays untouched.
  'consents.revoke',
  // Consent templates: writing and publishing versions, approving them after review with the medical director.
  'consent_templates.manage',
  // Scheduling: the calendar, appointments, availability, treatment courses and the check-in view.
  'schedule.read',
  // Booking, rescheduling, status changes (confirm, check in, cancel...) and booking courses: front desk and clinicians.
  'schedule.book',
  // Services, rooms, practitioners' working hours and time off, calendar feeds of others: owner/admin.
  'schedule.manage',
  // The waitlist: who waits for a service at a location (optionally a practitioner) in a date range, the slots that
  // cancellations, no-shows and reschedules freed, and the offers made from them. Reading it: everyone who reads the book.
  'waitlist.read',
  // Putting patients on the waitlist, taking them off, offering a freed slot (a message to the patient) and booking
  // the offered slot (the normal booking, under every booking rule): whoever books appointments.
  'waitlist.manage',
  // The outbox of reminders and notices (contains patients' contact details): owner/admin.
  'messages.read',
  // Clinic reports over clinical records, as aggregates naming no patient (issue 17): outcomes by needle depth, safety
  // signals (adverse events, preflight refusals and overrides), consent coverage.
  'reports.clinical',
  // Clinic reports on the running of the clinic: cartridge use and waste from the stock ledger, appointments, no-shows
  // and utilisation.
  'reports.operations',
  // Sign-in security: which roles must use MFA, resetting a staff member's MFA (lost phone). Owners only.
  'security.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Permission[] = PERMISSIONS;
/** Practitioners read the whole clinical record and keep demographics and the history current. */
const CLINICIAN: readonly Permission[] = [
  'organization.read',
  'staff.read',
  'patients.read',
  'patients.write',
  'clinical_record.read',
  'medical_history.write',
  'inventory.read',
  'treatment.record',
  'consents.read',
  'consents.prepare',
  'consents.revoke',
  'schedule.read',
  'schedule.book',
  'waitlist.read',
  'waitlist.manage',
];
/**
 * Physicians and nurses also keep the stock: receive, waste, adjust, transfer, recall and look after devices; and they
 * keep the clinic's treatment templates (the protocols aestheticians apply but do not write).
 */
const CLINICAL_STOCK_KEEPER: readonly Permission[] = [
  ...CLINICIAN,
  'treatment_templates.manage',
  'inventory.receive',
  'inventory.write',
  'inventory.recall',
  'devices.manage',
  'exposure.read',
  // Physicians and nurses read the clinic's reports, clinical and operational.
  'reports.clinical',
  'reports.operations',
];

/**
 * Front desk registers and edits patients and types in the history form the patient filled in, but does not read
 * clinical records (histories, eligibility findings, the timeline): least privilege for protected health information.
 */
const FRONT_DESK: readonly Permission[] = [
  'organization.read',
  'staff.read',
  'patients.read',
  'patients.write',
  'medical_history.write',
  // Front desk signs deliveries in: reads stock and receives it, but does not waste, adjust or recall.
  'inventory.read',
  'inventory.receive',
  // Front desk prepares consents and hands the tablet to the patient; revoking is for clinicians and admins.
  'consents.read',
  'consents.prepare',
  // Front desk runs the book: the calendar, booking, check-in, courses.
  'schedule.read',
  'schedule.book',
  // … and the waitlist: adds patients, offers freed slots and books the offers.
  'waitlist.read',
  'waitlist.manage',
  // … and sees how the book runs (appointments, no-shows, utilisation; cartridge stock): no clinical detail.
  'reports.operations',
];

export const PERMISSION_MATRIX: Record<StaffRole, readonly Permission[]> = {
  owner: ALL,
  admin: ALL.filter((permission) => permission !== 'security.manage'),
  physician: CLINICAL_STOCK_KEEPER,
  nurse: CLINICAL_STOCK_KEEPER,
  aesthetician: CLINICIAN,
  front_desk: FRONT_DESK,
};

export function roleHasPermission(role: StaffRole, permission: Permission): boolean {
  return PERMISSION_MATRIX[role]?.includes(permission) ?? false;
}

/** What each permission lets a person do, for refusals ("… does not allow reading clinical records"). */
const PERMISSION_WORDS: Partial<Record<Permission, string>> = {
  'organization.read': 'seeing the clinic’s settings',
  'organization.manage': 'changing the clinic and its locations',
  'staff.read': 'seeing the staff list',
  'staff.manage': 'managing staff accounts',
  'audit.read': 'reading the audit log',
  'patients.read': 'seeing patients',
  'patients.write': 'changing patient records',
  'patients.export': 'exporting a patient’s record',
  'patients.import': 'importing patients',
  'clinical_record.read': 'reading clinical records',
  'medical_history.write': 'recording a medical history',
  'settings.manage': 'changing clinical settings',
  'inventory.read': 'seeing stock',
  'inventory.receive': 'receiving stock',
  'inventory.write': 'changing stock',
  'inventory.recall': 'holding back or recalling stock',
  'devices.manage': 'managing pens',
  'treatment.record': 'recording treatments',
  'treatment_templates.manage': 'editing treatment templates',
  'exposure.read': 'listing who was exposed to a lot or pen',
  'consents.read': 'reading consents',
  'consents.prepare': 'preparing consents',
  'consents.revoke': 'recording a withdrawn consent',
  'consent_templates.manage': 'editing consent templates',
  'schedule.read': 'seeing the schedule',
  'schedule.book': 'booking appointments',
  'schedule.manage': 'setting up services, rooms and working hours',
  'waitlist.read': 'seeing the waitlist',
  'waitlist.manage': 'managing the waitlist and its offers',
  'messages.read': 'reading the outbox',
  'security.manage': 'changing sign-in security',
};

/** "reading clinical records"; a permission without words reads as its name ("waitlist manage" → "waitlist manage"). */
export function permissionInWords(permission: Permission): string {
  return PERMISSION_WORDS[permission] ?? permission.replace(/[._]/g, ' ');
}

import type { OpenAPIObject } from '@nestjs/swagger';
import type { TagObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { forEachOperation } from './operations';

/** What each tag (one area of the clinic, set by a controller's @ApiTags) covers, in the order readers meet them. */
const TAG_DESCRIPTIONS: Record<string, string> = {
  setup: 'First run: the clinic, its first location and its owner, exactly once.',
  auth: 'Signing in and out (with two-step sign-in where the clinic requires it), the signed-in user and their password.',
  health: 'Liveness and readiness for the load balancer and monitoring.',
  organization: 'The clinic, its locations and their time zones.',
  staff: 'Staff accounts, roles, practitioner licences, deactivation and MFA resets.',
  settings: 'Clinic-wide settings: screening windows, sign-in security, treatment limits, online booking.',
  audit: 'The append-only audit trail and its hash-chain verification.',
  patients: 'Patient records: registration, search, archive, medical history, eligibility screening, timeline, import and export.',
  consents: 'Consent templates and their approved versions, consents prepared, signed at the kiosk, witnessed, revoked and verified.',
  scheduling: 'Services, rooms, working hours, appointments, availability, check-in, treatment courses, calendar feeds and the waitlist.',
  'treatment sessions': 'The chair: preflight checks, depth per zone, cartridges used, signing, addenda and the session record.',
  'treatment templates': 'The clinic’s named starting points per indication: zones, depths and passes.',
  'adverse events': 'Adverse events recorded against a treatment session.',
  'outcome assessments': 'Scored outcomes over a patient’s treatment course.',
  photos: 'Clinical photos of a session, checked against their stored hash on every read.',
  inventory: 'Products, cartridge lots and the stock ledger, GS1 scan receiving, FEFO suggestions, recalls and alerts.',
  devices: 'Pen handpieces: registration, status and the service log.',
  exposure: 'Who was treated with a lot or a pen, for a recall.',
  reports: 'Clinic reports: outcomes by needle depth, cartridge use and waste, appointments, safety signals, consent coverage; aggregates that name no patient, each also as CSV.',
  messaging: 'The outbox of appointment reminders and notices, and the reminder lead time.',
  'public booking':
    'Online booking for patients, without an account or session: what the clinic offers and free starts, the clinic named by its public booking slug; rate-limited per IP.',
};

/** The document's `tags`: every tag an operation uses, with its description (none for a tag not listed above). */
export function withTags(document: OpenAPIObject): OpenAPIObject {
  const used = new Set<string>();
  forEachOperation(document, (operation) => operation.tags?.forEach((tag) => used.add(tag)));
  const known = Object.keys(TAG_DESCRIPTIONS).filter((name) => used.has(name));
  const unknown = [...used].filter((name) => !(name in TAG_DESCRIPTIONS));
  document.tags = [...known, ...unknown].map((name): TagObject => (TAG_DESCRIPTIONS[name] ? { name, description: TAG_DESCRIPTIONS[name] } : { name }));
  return document;
}

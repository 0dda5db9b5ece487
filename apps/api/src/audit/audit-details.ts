import { isIsoDate, LICENCE_TYPE_LABELS, STAFF_ROLE_LABELS, type LicenceType, type Readable, type StaffRole } from '@skinledger/domain';
import { formatPhoneForPeople } from '../common/phone/phone-numbers';
import type { AuditChanges } from './audit-event.entity';
import type { RecordLabel } from './audit-sentences';

/** One changed field of an event, for people: "default location: Harbour Street → Brooklyn Heights". */
export interface AuditDetail {
  field: string;
  /** Absent for values set on creation or events that only record a result. */
  from?: string;
  to?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Field names as people say them; others are split from camelCase ("serialNumber" → "serial number"). */
const FIELD_WORDS: Record<string, string> = {
  defaultLocationId: 'default location',
  locationId: 'location',
  counterpartLocationId: 'other location',
  toLocationId: 'to location',
  patientId: 'patient',
  practitionerId: 'practitioner',
  staffMemberId: 'staff member',
  serviceId: 'service',
  roomId: 'room',
  productId: 'product',
  lotId: 'lot',
  deviceId: 'pen',
  templateId: 'template',
  appointmentId: 'appointment',
  sessionId: 'treatment session',
  sessionIds: 'treatment sessions',
  isActive: 'active',
  sessionsEnded: 'sessions ended',
  timezone: 'time zone',
  countryCode: 'country',
  startsAt: 'starts',
  endsAt: 'ends',
  expiresOn: 'expires',
  manufacturedOn: 'made',
  onsetOn: 'onset',
  occurredOn: 'date',
  assessedOn: 'assessed',
  maxDepthMm: 'deepest depth (mm)',
  cancelReason: 'reason',
  cancelledBy: 'cancelled by',
  lateCancellation: 'late cancellation',
  lateCancellationHours: 'late-cancellation window (hours)',
  delta: 'change on hand',
  statusReason: 'reason',
  mfaEnabled: 'two-step sign-in',
  mfaRequiredRoles: 'roles that must use two-step sign-in',
  reminderHoursBefore: 'reminder (hours before)',
  // Online booking (issue 16): the settings and each service's flag.
  enabled: 'online booking on',
  minimumNoticeHours: 'minimum notice (hours)',
  maximumDaysAhead: 'bookable up to (days ahead)',
  cancellationWindowHours: 'online cancellation until (hours before)',
  policyText: 'booking policy',
  excludedPractitionerIds: 'practitioners without online booking',
  onlineBooking: 'online booking',
  requiresReconsent: 'patients must consent again',
  confirmedDuplicateOf: 'confirmed not a duplicate of MRN',
  resultCount: 'results shown',
  termKinds: 'searched by',
  termLength: 'search length',
};

/**
 * Fields that are ids of records nobody reads by id (a stock movement, an addendum, a photo) or secrets' fingerprints
 * already checked by verification: left out of the lines, the sentence says what happened.
 */
const HIDDEN_FIELDS = new Set([
  'movementId',
  'transferId',
  'addendumId',
  'adverseEventId',
  'photoId',
  'assessmentId',
  'serviceEventId',
  'patientIds',
  'firstBrokenEventId',
]);

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function isWeeklyBlock(value: object): value is { weekday: number; startsAt: string; endsAt: string } {
  const v = value as Record<string, unknown>;
  return typeof v.weekday === 'number' && typeof v.startsAt === 'string' && /^\d{2}:\d{2}$/.test(v.startsAt) && typeof v.endsAt === 'string' && /^\d{2}:\d{2}$/.test(v.endsAt);
}

function fieldWords(field: string): string {
  return FIELD_WORDS[field] ?? field.replace(/Id$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

export interface DetailContext {
  label: (id: unknown) => RecordLabel | undefined;
  words: Readable;
  timeZone: string;
}

/** A value for reading, or undefined when it is an id nobody can name (it is left out). */
function valueWords(field: string, value: unknown, c: DetailContext, zone: string): string | undefined {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    const parts = value.map((v) => valueWords(field, v, c, zone)).filter((v): v is string => v !== undefined);
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
  if (typeof value === 'object' && isWeeklyBlock(value)) {
    // A working-hours block: "Mon 9:00 AM – 5:00 PM".
    const clock = (hhmm: string) => c.words.time(`1970-01-01T${hhmm}:00Z`, 'UTC');
    return `${WEEKDAYS[(value.weekday - 1) % 7] ?? value.weekday} ${clock(value.startsAt)} – ${clock(value.endsAt)}`;
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => {
        const text = valueWords(k, v, c, zone);
        return text === undefined ? undefined : `${fieldWords(k)} ${text}`;
      })
      .filter((v): v is string => v !== undefined);
    return parts.length > 0 ? parts.join(', ') : 'none';
  }
  const text = String(value);
  if (UUID.test(text)) {
    const named = c.label(text);
    if (!named?.label) return undefined;
    if (named.kind === 'lot') return `lot ${named.label}${named.detail ? ` of ${named.detail}` : ''}`;
    if (named.kind === 'appointment' || named.kind === 'treatment_session') {
      return `${named.patient ?? 'a patient'}, ${named.at ? c.words.dateTime(named.at, named.timeZone ?? zone) : ''}`;
    }
    return named.label;
  }
  if (INSTANT.test(text)) return c.words.dateTime(text, zone);
  if (/phone/i.test(field) && /^\+\d{7,15}$/.test(text)) return formatPhoneForPeople(text);
  if (isIsoDate(text as unknown)) return c.words.date(text);
  if (field === 'role' && text in STAFF_ROLE_LABELS) return STAFF_ROLE_LABELS[text as StaffRole];
  // Codes stored as values (statuses, kinds, procedures) read as words.
  if (/^[a-z]+(?:[_-][a-z]+)+$/.test(text)) return text.replace(/[_-]+/g, ' ');
  // Text that carries dates or licence types inside ("registered_nurse RN-1 (NY) expires 2099-12-31").
  return text
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => (isIsoDate(date as unknown) ? c.words.date(date) : date))
    .replace(/\b[a-z]+(?:_[a-z]+)+\b/g, (code) => (code in LICENCE_TYPE_LABELS ? LICENCE_TYPE_LABELS[code as LicenceType] : code));
}

function isChange(value: unknown): value is { from?: unknown; to?: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && ('from' in value || 'to' in value);
}

/** An event's `changes` as readable lines: names for ids, local times, words for codes; ids nobody reads left out. */
export function auditDetails(changes: AuditChanges | null, c: DetailContext): AuditDetail[] {
  if (!changes) return [];
  // Times of an event that names its location read in that location's zone.
  const located = c.label((changes.locationId as { to?: unknown } | undefined)?.to);
  const zone = located?.timeZone ?? c.timeZone;
  const lines: AuditDetail[] = [];
  for (const [field, change] of Object.entries(changes)) {
    if (HIDDEN_FIELDS.has(field) || /hash$/i.test(field)) continue;
    const label = fieldWords(field);
    if (!isChange(change)) {
      const to = valueWords(field, change, c, zone);
      if (to !== undefined) lines.push({ field: label, to: c.words.spell(to) });
      continue;
    }
    const from = 'from' in change ? valueWords(field, change.from, c, zone) : undefined;
    const to = 'to' in change ? valueWords(field, change.to, c, zone) : undefined;
    if (from === undefined && to === undefined) continue;
    // A field created empty says nothing.
    if (from === undefined && to === 'none') continue;
    lines.push({ field: label, ...(from !== undefined ? { from: c.words.spell(from) } : {}), ...(to !== undefined ? { to: c.words.spell(to) } : {}) });
  }
  return lines;
}

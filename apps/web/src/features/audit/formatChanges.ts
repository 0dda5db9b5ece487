import { STAFF_ROLE_LABELS, STAFF_ROLES } from '@skinledger/domain';
import { AUDIT_FIELD_LABELS } from './auditVocabulary';

export interface ChangeLine {
  field: string;
  /** Absent for values set on creation or events that only record a result. */
  from?: string;
  to?: string;
}

/** Names for ids that appear in changes (locations), so people read "Harbour Street", not a UUID. */
export interface ChangeContext {
  locationName: (id: string) => string | undefined;
}

const isStaffRole = (value: unknown): value is (typeof STAFF_ROLES)[number] => STAFF_ROLES.some((r) => r === value);

function formatValue(field: string, value: unknown, context: ChangeContext): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (field === 'role' && isStaffRole(value)) return STAFF_ROLE_LABELS[value];
  if (field === 'defaultLocationId' && typeof value === 'string') return context.locationName(value) ?? value;
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((v) => formatValue(field, v, context)).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function isChange(value: unknown): value is { from?: unknown; to?: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && ('from' in value || 'to' in value);
}

/** An event's `changes` ({field: {from, to}}) as readable lines, field labels in plain words. */
export function formatChanges(changes: Record<string, unknown> | null, context: ChangeContext): ChangeLine[] {
  if (!changes) return [];
  return Object.entries(changes).map(([field, change]) => {
    const label = AUDIT_FIELD_LABELS[field] ?? field;
    if (!isChange(change)) return { field: label, to: formatValue(field, change, context) };
    return {
      field: label,
      from: 'from' in change ? formatValue(field, change.from, context) : undefined,
      to: 'to' in change ? formatValue(field, change.to, context) : undefined,
    };
  });
}

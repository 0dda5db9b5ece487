import { DEFAULT_LATE_CANCELLATION_HOURS, DEFAULT_ONLINE_BOOKING_SETTINGS, type AuditAction, type OnlineBookingSettings, type ScreeningSettingsInput, type StaffRole } from '@skinledger/domain';
import type { AuditEntry } from '../audit/audit.service';

/** The treatment overrides: zone maximums lowered below the defaults, after-care text, the medical interval. */
export interface TreatmentSettings {
  zoneMaxMm?: Record<string, number>;
  postCareInstructions?: string;
  minDaysBetweenMedicalSessions?: number;
}

/** Sign-in security: staff of these roles must turn on two-step sign-in before anything else. */
export interface SecuritySettings {
  mfaRequiredRoles: StaffRole[];
}

/**
 * Every organization setting: its key in `organizations.settings` and the type stored under it. Readers and writers
 * name a key and get its type; the DTO of the route that edits a key must fit it (the compiler checks the call).
 *
 * | key                   | stored                                        | edited through (DTO)                                   |
 * |-----------------------|-----------------------------------------------|--------------------------------------------------------|
 * | `screening`           | overrides merged over domain.md section 4     | settings/screening-settings.dto.ts                     |
 * | `treatment`           | overrides merged over domain.md sections 2, 3 | treatments/treatment-settings.dto.ts                   |
 * | `reminderHoursBefore` | hours; unset: the server's REMINDER_HOURS_BEFORE | messaging/reminder-settings.dto.ts                  |
 * | `security`            | roles that must use MFA                       | settings/security-settings.dto.ts                      |
 * | `lateCancellationHours` | hours before the start; unset: 24; 0: off   | scheduling/cancellation-settings.dto.ts                |
 * | `onlineBooking`       | online booking on/off, window, policy, who is excluded; unset: off | online-booking/online-booking-settings.dto.ts |
 */
export interface OrganizationSettingTypes {
  screening: ScreeningSettingsInput;
  treatment: TreatmentSettings;
  reminderHoursBefore: number;
  security: SecuritySettings;
  lateCancellationHours: number;
  onlineBooking: OnlineBookingSettings;
}

export type OrganizationSettingKey = keyof OrganizationSettingTypes;

type AuditChanges = NonNullable<AuditEntry['changes']>;

interface KeyAudit<V> {
  action: AuditAction;
  /** What the audit event records for a replacement, or null when nothing changed. `before` null: never set. */
  changes(before: V | null, after: V, serverDefaults: { reminderHoursBefore: number }): AuditChanges | null;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** How each key's replacement is audited (the actions and shapes the audit trail has always had). */
export const SETTING_AUDITS: { [K in OrganizationSettingKey]: KeyAudit<OrganizationSettingTypes[K]> } = {
  screening: {
    action: 'settings.screening_updated',
    changes: (before, after) => (same(before ?? {}, after) ? null : { screening: { from: before ?? {}, to: after } }),
  },
  treatment: {
    action: 'settings.treatment_updated',
    changes: (before, after) => (same(before ?? {}, after) ? null : { treatment: { from: before ?? {}, to: after } }),
  },
  reminderHoursBefore: {
    action: 'settings.reminders_updated',
    // Setting the server default explicitly is a change too: the clinic's value no longer follows the server's.
    changes: (before, after, defaults) =>
      before === after ? null : { reminderHoursBefore: { from: before ?? defaults.reminderHoursBefore, to: after } },
  },
  lateCancellationHours: {
    action: 'settings.cancellations_updated',
    changes: (before, after) => (before === after ? null : { lateCancellationHours: { from: before ?? DEFAULT_LATE_CANCELLATION_HOURS, to: after } }),
  },
  onlineBooking: {
    action: 'settings.online_booking_updated',
    // Field by field, like other record edits: the audit log says which of the settings moved.
    changes: (before, after) => {
      const from: OnlineBookingSettings = { ...DEFAULT_ONLINE_BOOKING_SETTINGS, ...before };
      const changed = (Object.keys(after) as (keyof OnlineBookingSettings)[]).filter((key) => !same(from[key], after[key]));
      return changed.length === 0 ? null : Object.fromEntries(changed.map((key) => [key, { from: from[key], to: after[key] }]));
    },
  },
  security: {
    action: 'settings.security_updated',
    changes: (before, after) => {
      const from = before?.mfaRequiredRoles ?? [];
      return same(from, after.mfaRequiredRoles) ? null : { mfaRequiredRoles: { from, to: after.mfaRequiredRoles } };
    },
  },
};

import type { ServiceProcedureKind } from './booking-rules';

/**
 * Online booking (issue 16): who may book a service through the public booking pages. `off` keeps it to staff;
 * `existing_patients` to patients the clinic already knows (for medical needling: a completed consultation or a
 * signed medical-needling session in the last 12 months, checked when the slot is held); `anyone` also new patients.
 */
export const ONLINE_BOOKING_MODES = ['off', 'existing_patients', 'anyone'] as const;
export type OnlineBookingMode = (typeof ONLINE_BOOKING_MODES)[number];

/** A new service's mode when none is given: medical needling to existing patients (issue 16), the rest off until opened. */
export function defaultOnlineBookingMode(procedureKind: ServiceProcedureKind): OnlineBookingMode {
  return procedureKind === 'medical_needling' ? 'existing_patients' : 'off';
}

/** The clinic's online-booking settings (settings key `onlineBooking`). */
export interface OnlineBookingSettings {
  enabled: boolean;
  /** No start offered sooner than this many hours from now. */
  minimumNoticeHours: number;
  /** No start offered later than this many days from now. */
  maximumDaysAhead: number;
  /** A patient cancels or moves online only until this many hours before the start; later she calls the clinic. */
  cancellationWindowHours: number;
  /** The booking and cancellation policy the patient accepts. */
  policyText: string;
  /** Practitioners who take no online bookings (the rest take those their licence allows). */
  excludedPractitionerIds: string[];
  /** The clinic's colour on the booking pages, #RRGGBB readable under white text (brand-color.ts); null: the default. */
  brandColor: string | null;
}

/** Off until the clinic turns it on; a day's notice, two months ahead, a day's cancellation window. */
export const DEFAULT_ONLINE_BOOKING_SETTINGS: Readonly<OnlineBookingSettings> = Object.freeze({
  enabled: false,
  minimumNoticeHours: 24,
  maximumDaysAhead: 60,
  cancellationWindowHours: 24,
  policyText: '',
  excludedPractitionerIds: [],
  brandColor: null,
});

/** Bounds of the settings: notice up to two weeks, a year ahead at most, a cancellation window up to a week. */
export const ONLINE_BOOKING_LIMITS = Object.freeze({
  maxMinimumNoticeHours: 336,
  minMaximumDaysAhead: 1,
  maxMaximumDaysAhead: 365,
  maxCancellationWindowHours: 168,
  maxPolicyTextLength: 5000,
  maxExcludedPractitioners: 200,
});

/**
 * The instants a public search may offer starts in: from now + notice to now + days ahead. Null when the clinic's
 * window and the asked range do not meet.
 */
export function onlineBookingWindow(
  settings: Pick<OnlineBookingSettings, 'minimumNoticeHours' | 'maximumDaysAhead'>,
  asked: { from: number; to: number },
  now: number,
): { from: number; to: number } | null {
  const from = Math.max(asked.from, now + settings.minimumNoticeHours * 3_600_000);
  const to = Math.min(asked.to, now + settings.maximumDaysAhead * 86_400_000);
  return to > from ? { from, to } : null;
}

/**
 * Appointment status flow (issue 6): booked -> confirmed -> checked_in -> in_treatment -> completed, plus
 * cancelled (with a reason) and no_show. A walk-in may be checked in without confirming first.
 */
export const APPOINTMENT_STATUSES = ['booked', 'confirmed', 'checked_in', 'in_treatment', 'completed', 'cancelled', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const APPOINTMENT_ACTIONS = ['confirm', 'check-in', 'start', 'complete', 'cancel', 'no-show'] as const;
export type AppointmentAction = (typeof APPOINTMENT_ACTIONS)[number];

const TARGET: Record<AppointmentAction, AppointmentStatus> = {
  confirm: 'confirmed',
  'check-in': 'checked_in',
  start: 'in_treatment',
  complete: 'completed',
  cancel: 'cancelled',
  'no-show': 'no_show',
};

/** The statuses from which each status may be reached. */
const ALLOWED_FROM: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: [],
  confirmed: ['booked'],
  checked_in: ['booked', 'confirmed'],
  in_treatment: ['checked_in'],
  completed: ['in_treatment'],
  cancelled: ['booked', 'confirmed', 'checked_in'],
  no_show: ['booked', 'confirmed'],
};

/** Cancelled and no-show appointments free their time: they no longer block the practitioner or room. */
export const RELEASED_STATUSES: readonly AppointmentStatus[] = ['cancelled', 'no_show'];

export function targetStatus(action: AppointmentAction): AppointmentStatus {
  return TARGET[action];
}

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return ALLOWED_FROM[to].includes(from);
}

/** Time, practitioner or room may change only before the patient has arrived. */
export function isReschedulable(status: AppointmentStatus): boolean {
  return status === 'booked' || status === 'confirmed';
}

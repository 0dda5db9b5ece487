// react-big-calendar's slot arithmetic (lib/utils/TimeSlots.js), which @types/react-big-calendar does not describe:
// the part of it the localizer spec calls.
declare module 'react-big-calendar/lib/utils/TimeSlots' {
  import type { DateLocalizer } from 'react-big-calendar';

  export interface SlotMetrics {
    groups: Date[][];
    getRange(rangeStart: Date, rangeEnd: Date, ignoreMin?: boolean, ignoreMax?: boolean): { top: number; height: number };
  }
  export function getSlotMetrics(args: { min: Date; max: Date; step: number; timeslots: number; localizer: DateLocalizer }): SlotMetrics;
}

import { DateTime } from 'luxon';
import { luxonLocalizer, type DateLocalizer } from 'react-big-calendar';

/**
 * react-big-calendar's luxon localizer, with its day grid kept on the wall clock on daylight-saving days.
 *
 * The library's luxon `getMinutesFromMidnight` counts elapsed minutes (07:00 on 1 November in New York is 480 minutes
 * after midnight, on the second Sunday of March 360), while its `getSlotDate` reads that number as a clock time: on
 * both change days the grid began at 08:00 or 06:00 under labels saying 07:00, so a click booked an hour off. Its
 * default `getDstOffset` asks the browser's zone; the calendar shows the location's (luxon's default zone).
 */
export function clinicLocalizer(): DateLocalizer {
  const localizer = luxonLocalizer(DateTime, { firstDayOfWeek: 1 });
  localizer.getMinutesFromMidnight = (start: Date) => {
    const clock = DateTime.fromJSDate(start);
    return clock.hour * 60 + clock.minute;
  };
  localizer.getDstOffset = (start: Date, end: Date) => DateTime.fromJSDate(end).offset - DateTime.fromJSDate(start).offset;
  return localizer;
}

import type { QueryClient } from '@tanstack/react-query';
import { currentUserQuery } from '@web/entities/current-user';
import { chosenLocationId, locationsQuery, pickLocation, rememberedWorkingLocation } from '@web/entities/location';
import { scheduleWindow } from '@web/features/scheduling/scheduleWindow';
import { scheduleViewQuery } from './useScheduleView';

/**
 * Asks for today's schedule as soon as /schedule is being opened, alongside the page's code and the session check,
 * instead of after them (the calendar used to wait for the session, then the locations, then the schedule).
 * Where this browser last worked is known, the request goes out at once; otherwise (or if the guess was not the
 * location the user works at now) as soon as the session and the locations have answered, without waiting for the
 * page's code. The page then finds the answer in the cache, or on its way, under the same key.
 */
export async function prefetchTodaysSchedule(client: QueryClient): Promise<void> {
  const now = new Date();
  const prefetch = (locationId: string, timeZone: string) => {
    const { from, to } = scheduleWindow(now, timeZone, 'day');
    void client.prefetchQuery(scheduleViewQuery(locationId, from, to));
  };
  const guess = rememberedWorkingLocation();
  if (guess) prefetch(guess.locationId, guess.timeZone);
  try {
    const [user, locations] = await Promise.all([client.ensureQueryData(currentUserQuery), client.ensureQueryData(locationsQuery)]);
    if (!user) return;
    const location = pickLocation(locations, chosenLocationId(user.id), user.defaultLocationId);
    if (location && (location.id !== guess?.locationId || location.timezone !== guess.timeZone)) prefetch(location.id, location.timezone);
  } catch {
    // signed out or the API unreachable: the page shows that when it asks itself
  }
}

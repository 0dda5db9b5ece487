import { storageKeys } from '@web/lib/storage/storageKeys';
import type { Location } from '@web/entities/location/hooks/useLocations';

/** The location the user works at: the one they chose (if still active), else their default, else the first active. */
export function pickLocation(locations: Location[], chosenId: string, defaultId: string | null): Location | undefined {
  const active = locations.filter((l) => l.isActive);
  return active.find((l) => l.id === chosenId) ?? active.find((l) => l.id === defaultId) ?? active[0] ?? locations[0];
}

/** The location a staff member chose in the header (as Mantine's useLocalStorage stores it, JSON), or ''. */
export function chosenLocationId(staffMemberId: string): string {
  try {
    const stored = window.localStorage.getItem(storageKeys.selectedLocation(staffMemberId));
    const value: unknown = stored === null ? '' : JSON.parse(stored);
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}

export interface WorkingLocation {
  locationId: string;
  timeZone: string;
}

/**
 * Where this browser last worked (an id and a time zone, nothing about patients): the schedule's first request can
 * go out with the session check instead of after it. A wrong guess costs one unused request.
 */
export function rememberedWorkingLocation(): WorkingLocation | null {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(storageKeys.workingLocation) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { locationId, timeZone } = value as Record<string, unknown>;
    return typeof locationId === 'string' && typeof timeZone === 'string' ? { locationId, timeZone } : null;
  } catch {
    return null;
  }
}

export function rememberWorkingLocation(location: WorkingLocation | null): void {
  try {
    if (location) window.localStorage.setItem(storageKeys.workingLocation, JSON.stringify(location));
    else window.localStorage.removeItem(storageKeys.workingLocation);
  } catch {
    // storage full or blocked: the schedule then asks after the session check, as without it
  }
}

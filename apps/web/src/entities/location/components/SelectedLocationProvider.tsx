import { useLocalStorage } from '@mantine/hooks';
import { useEffect, useMemo, type ReactNode } from 'react';
import { storageKeys } from '@web/lib/storage/storageKeys';
import { browserTimeZone } from '@web/lib/time/timeZoneOptions';
import { useSignedInUser } from '@web/entities/current-user';
import { useLocations } from '@web/entities/location/hooks/useLocations';
import { SelectedLocationContext, type SelectedLocation } from '@web/entities/location/selectedLocationContext';
import { pickLocation, rememberWorkingLocation } from '@web/entities/location/workingLocation';

/** Keeps the chosen location per user in localStorage; defaults to the user's default location. */
export function SelectedLocationProvider({ children }: { children: ReactNode }) {
  const user = useSignedInUser();
  const { data: locations = [] } = useLocations();
  const [stored, setStored] = useLocalStorage<string>({
    key: storageKeys.selectedLocation(user.id),
    defaultValue: '',
    getInitialValueInEffect: false,
  });

  const value = useMemo<SelectedLocation>(() => {
    const location = pickLocation(locations, stored, user.defaultLocationId);
    const choices = locations.filter((l) => l.isActive || l.id === location?.id);
    return { location, choices, timeZone: location?.timezone ?? browserTimeZone(), select: setStored };
  }, [locations, stored, user.defaultLocationId, setStored]);
  const { location } = value;
  useEffect(() => {
    if (location) rememberWorkingLocation({ locationId: location.id, timeZone: location.timezone });
  }, [location]);

  return <SelectedLocationContext.Provider value={value}>{children}</SelectedLocationContext.Provider>;
}

import { useLocalStorage } from '@mantine/hooks';
import { useMemo, type ReactNode } from 'react';
import { storageKeys } from '@web/lib/storage/storageKeys';
import { browserTimeZone } from '@web/lib/time/timeZoneOptions';
import { useSignedInUser } from '@web/entities/current-user';
import { useLocations, type Location } from '@web/entities/location/hooks/useLocations';
import { SelectedLocationContext, type SelectedLocation } from '@web/entities/location/selectedLocationContext';

function pick(locations: Location[], stored: string, fallback: string | null): Location | undefined {
  const active = locations.filter((l) => l.isActive);
  return (
    active.find((l) => l.id === stored) ??
    active.find((l) => l.id === fallback) ??
    active[0] ??
    locations[0]
  );
}

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
    const location = pick(locations, stored, user.defaultLocationId);
    const choices = locations.filter((l) => l.isActive || l.id === location?.id);
    return { location, choices, timeZone: location?.timezone ?? browserTimeZone(), select: setStored };
  }, [locations, stored, user.defaultLocationId, setStored]);

  return <SelectedLocationContext.Provider value={value}>{children}</SelectedLocationContext.Provider>;
}

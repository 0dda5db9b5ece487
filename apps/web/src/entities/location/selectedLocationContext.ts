import { createContext } from 'react';
import type { Location } from '@web/entities/location/hooks/useLocations';

export interface SelectedLocation {
  /** The location the user works at now; undefined only while locations load or when there are none. */
  location: Location | undefined;
  /** Locations the user can switch to (active ones, plus the selected one if it was deactivated). */
  choices: Location[];
  /** The zone times are shown in: the selected location's, else the browser's. */
  timeZone: string;
  select: (locationId: string) => void;
}

export const SelectedLocationContext = createContext<SelectedLocation | null>(null);

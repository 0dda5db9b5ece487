// The clinic's locations and the one the user works at now (its time zone is the zone times are shown in),
// shared by every feature.
export { locationsKey, locationsQuery, useLocations, type Location } from './hooks/useLocations';
// Which location the user works at, and where this browser last worked (for the schedule's first request).
export { chosenLocationId, pickLocation, rememberedWorkingLocation, rememberWorkingLocation, type WorkingLocation } from './workingLocation';
export { SelectedLocationContext, type SelectedLocation } from './selectedLocationContext';
export { useSelectedLocation } from './hooks/useSelectedLocation';
export { SelectedLocationProvider } from './components/SelectedLocationProvider';
export { usePhoneFormat } from './hooks/usePhoneFormat';

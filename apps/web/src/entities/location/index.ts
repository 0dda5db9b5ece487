// The clinic's locations and the one the user works at now (its time zone is the zone times are shown in),
// shared by every feature.
export { locationsKey, useLocations, type Location } from './hooks/useLocations';
export { SelectedLocationContext, type SelectedLocation } from './selectedLocationContext';
export { useSelectedLocation } from './hooks/useSelectedLocation';
export { SelectedLocationProvider } from './components/SelectedLocationProvider';
export { usePhoneFormat } from './hooks/usePhoneFormat';

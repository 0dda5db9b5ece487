import { useContext } from 'react';
import { SelectedLocationContext, type SelectedLocation } from '@web/entities/location/selectedLocationContext';

export function useSelectedLocation(): SelectedLocation {
  const value = useContext(SelectedLocationContext);
  if (!value) throw new Error('useSelectedLocation must be used inside SelectedLocationProvider');
  return value;
}

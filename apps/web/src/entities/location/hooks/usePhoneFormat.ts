import { useCallback } from 'react';
import { formatPhone } from '@web/lib/phone/phoneNumbers';
import { useSelectedLocation } from './useSelectedLocation';

/**
 * Phone numbers for reading at the selected location: its country's numbers in national format ("(718) 555-1141"),
 * others in international format, numbers that could never be read as typed.
 */
export function usePhoneFormat(): (stored: string | null | undefined) => string {
  const { location } = useSelectedLocation();
  const country = location?.countryCode ?? null;
  return useCallback((stored) => formatPhone(stored, country), [country]);
}

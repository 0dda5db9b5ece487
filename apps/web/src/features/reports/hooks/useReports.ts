import type { OutcomeScaleCode, TreatmentIndication } from '@skinledger/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { rangeProblem, type ReportFilters } from '@web/features/reports/reportFilters';

// Reports are aggregates over history: a minute old is fresh enough, and switching tabs back should not re-ask.
const STALE_MS = 60_000;
const ready = (filters: ReportFilters) => rangeProblem(filters.from, filters.to) === null;

export type CartridgeGrouping = 'product' | 'lot' | 'practitioner' | 'month';
export type AppointmentGrouping = 'practitioner' | 'service' | 'room' | 'weekday' | 'month' | 'weekdayHour';

/** The filters as the API's query: the range, and the location and practitioner when chosen. */
function common(filters: ReportFilters) {
  return {
    from: filters.from,
    to: filters.to,
    ...(filters.locationId ? { locationId: filters.locationId } : {}),
    ...(filters.practitionerId ? { practitionerId: filters.practitionerId } : {}),
  };
}

/** GET /api/reports/outcomes-by-depth. */
export function useOutcomesByDepth(filters: ReportFilters, scale: OutcomeScaleCode, indication: TreatmentIndication | null) {
  const query = { ...common(filters), scale, ...(indication ? { indication } : {}) };
  return useQuery({
    queryKey: ['reports', 'outcomes-by-depth', query],
    queryFn: () => request(api.GET('/api/reports/outcomes-by-depth', { params: { query } })),
    enabled: ready(filters),
    placeholderData: keepPreviousData,
    staleTime: STALE_MS,
  });
}

/** GET /api/reports/cartridges. */
export function useCartridgesReport(filters: ReportFilters, groupBy: CartridgeGrouping) {
  const query = { ...common(filters), groupBy };
  return useQuery({
    queryKey: ['reports', 'cartridges', query],
    queryFn: () => request(api.GET('/api/reports/cartridges', { params: { query } })),
    enabled: ready(filters),
    placeholderData: keepPreviousData,
    staleTime: STALE_MS,
  });
}

/** GET /api/reports/appointments. */
export function useAppointmentsReport(filters: ReportFilters, groupBy: AppointmentGrouping) {
  const query = { ...common(filters), groupBy };
  return useQuery({
    queryKey: ['reports', 'appointments', query],
    queryFn: () => request(api.GET('/api/reports/appointments', { params: { query } })),
    enabled: ready(filters),
    placeholderData: keepPreviousData,
    staleTime: STALE_MS,
  });
}

/** GET /api/reports/safety. */
export function useSafetyReport(filters: ReportFilters) {
  const query = common(filters);
  return useQuery({
    queryKey: ['reports', 'safety', query],
    queryFn: () => request(api.GET('/api/reports/safety', { params: { query } })),
    enabled: ready(filters),
    placeholderData: keepPreviousData,
    staleTime: STALE_MS,
  });
}

/** GET /api/reports/consents (names patients to contact: the API audits each read). */
export function useConsentCoverage(filters: ReportFilters) {
  const query = common(filters);
  return useQuery({
    queryKey: ['reports', 'consents', query],
    queryFn: () => request(api.GET('/api/reports/consents', { params: { query } })),
    enabled: ready(filters),
    placeholderData: keepPreviousData,
    staleTime: STALE_MS,
  });
}

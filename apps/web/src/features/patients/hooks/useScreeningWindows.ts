import { DEFAULT_SCREENING_SETTINGS, WINDOW_RULE_CODES, type WindowLength, type WindowRuleCode } from '@skinledger/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { usePatientAccess } from './usePatientAccess';

type Windows = Readonly<Record<WindowRuleCode, WindowLength>>;
type RawWindows = Record<string, { days?: number; months?: number }>;

function toWindows(raw: RawWindows): Windows {
  const entries = WINDOW_RULE_CODES.map((code): [WindowRuleCode, WindowLength] => {
    const length = raw[code];
    if (typeof length?.days === 'number') return [code, { days: length.days }];
    if (typeof length?.months === 'number') return [code, { months: length.months }];
    return [code, DEFAULT_SCREENING_SETTINGS.windows[code]];
  });
  return Object.fromEntries(entries) as Record<WindowRuleCode, WindowLength>;
}

/**
 * The waiting period after each exposure: the organization's settings when this role may read them, else the
 * defaults of domain.md section 4 (the eligibility check on the server always uses the organization's).
 */
export function useScreeningWindows(): Windows {
  const { canReadScreeningSettings } = usePatientAccess();
  const settings = useQuery({
    queryKey: ['settings', 'screening'],
    queryFn: () => request(api.GET('/api/settings/screening')),
    enabled: canReadScreeningSettings,
    staleTime: 5 * 60_000,
  });
  const raw = settings.data?.effective.windows;
  return useMemo(() => (raw ? toWindows(raw) : DEFAULT_SCREENING_SETTINGS.windows), [raw]);
}

import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export const PROFILE_TABS = ['history', 'appointments', 'eligibility', 'timeline', 'sessions', 'outcomes', 'consents', 'access'] as const;
export type ProfileTab = (typeof PROFILE_TABS)[number];

const isTab = (value: string | null): value is ProfileTab => PROFILE_TABS.some((t) => t === value);

/** The open tab of the patient profile, kept in the URL (?tab=eligibility) so it survives reloads and links. */
export function useProfileTab(): [ProfileTab, (tab: ProfileTab) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: ProfileTab = isTab(raw) ? raw : 'history';
  const setTab = useCallback(
    (next: ProfileTab) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (next === 'history') updated.delete('tab');
          else updated.set('tab', next);
          return updated;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [tab, setTab];
}

import { useQuery } from '@tanstack/react-query';
import { currentUserKey, fetchCurrentUser } from '@web/features/auth/currentUser';

/** GET /api/auth/me: `data` is the user, null when signed out, undefined while loading. */
export function useCurrentUser() {
  return useQuery({ queryKey: currentUserKey, queryFn: fetchCurrentUser, staleTime: 60_000 });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { isApiError } from '@web/lib/api/ApiError';
import { request } from '@web/lib/api/request';
import { currentUserKey, type CurrentUser } from '@web/entities/current-user/currentUser';

/** The signed-in user, or null when there is no session (401). */
async function fetchCurrentUser(): Promise<CurrentUser | null> {
  try {
    return await request(api.GET('/api/auth/me'));
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

/** GET /api/auth/me: the user, null when signed out. Also prefetched by the router as the app starts. */
export const currentUserQuery = queryOptions({ queryKey: currentUserKey, queryFn: fetchCurrentUser, staleTime: 60_000 });

/** GET /api/auth/me: `data` is the user, null when signed out, undefined while loading. */
export function useCurrentUser() {
  return useQuery(currentUserQuery);
}

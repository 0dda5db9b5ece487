import type { Schemas } from '@skinledger/api-client';
import { api } from '@web/lib/api/apiClient';
import { isApiError } from '@web/lib/api/ApiError';
import { request } from '@web/lib/api/request';

export type CurrentUser = Schemas['CurrentUserDto'];

export const currentUserKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session (401). */
export async function fetchCurrentUser(): Promise<CurrentUser | null> {
  try {
    return await request(api.GET('/api/auth/me'));
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

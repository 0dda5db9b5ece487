import type { Schemas } from '@skinledger/api-client';

export type CurrentUser = Schemas['CurrentUserDto'];

export const currentUserKey = ['auth', 'me'] as const;

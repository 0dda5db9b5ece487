import { createContext } from 'react';
import type { CurrentUser } from './currentUser';

/**
 * The user RequireSession let in. Pages read it from here rather than from the query cache, so the
 * moment the session ends (cache emptied) they keep a consistent user until the guard unmounts them.
 */
export const SignedInUserContext = createContext<CurrentUser | null>(null);

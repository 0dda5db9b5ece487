import { readable, type Readable } from '@skinledger/domain';
import { useSignedInUser } from './useSignedInUser';

/** The clinic's readable helpers (dates, times, spelling) for the signed-in user's organization. */
export function useClinicFormat(): Readable {
  return readable(useSignedInUser().organizationLocale);
}

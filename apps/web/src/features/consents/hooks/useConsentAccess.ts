import { useMemo } from 'react';
import { useSignedInUser } from '../../auth/hooks/useSignedInUser';
import { consentAccess, type ConsentAccess } from '../consentAccess';

export function useConsentAccess(): ConsentAccess {
  const user = useSignedInUser();
  return useMemo(() => consentAccess(user), [user]);
}

import { useMemo } from 'react';
import { useSignedInUser } from '@web/entities/current-user';
import { consentAccess, type ConsentAccess } from '@web/features/consents/consentAccess';

export function useConsentAccess(): ConsentAccess {
  const user = useSignedInUser();
  return useMemo(() => consentAccess(user), [user]);
}

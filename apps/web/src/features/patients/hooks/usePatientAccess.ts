import { useMemo } from 'react';
import { useSignedInUser } from '../../auth/hooks/useSignedInUser';
import { patientAccess, type PatientAccess } from '../patientAccess';

export function usePatientAccess(): PatientAccess {
  const user = useSignedInUser();
  return useMemo(() => patientAccess(user), [user]);
}

import { useMemo } from 'react';
import { useSignedInUser } from '@web/entities/current-user';
import { patientAccess, type PatientAccess } from '@web/features/patients/patientAccess';

export function usePatientAccess(): PatientAccess {
  const user = useSignedInUser();
  return useMemo(() => patientAccess(user), [user]);
}

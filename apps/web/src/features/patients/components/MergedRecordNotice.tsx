import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { Patient } from '@web/features/patients/patientTypes';

/** On a record merged into another (issue 16): where its appointments went; this one is kept, read-only in practice. */
export function MergedRecordNotice({ patient }: { patient: Patient }) {
  if (!patient.mergedIntoPatientId) return null;
  return (
    <Alert color="slate" variant="light" title="Merged into another record">
      This record was created when the patient booked online and was merged into her existing record. Its appointments moved there.{' '}
      <Anchor component={Link} to={`/patients/${patient.mergedIntoPatientId}`}>
        Open the existing record
      </Anchor>
    </Alert>
  );
}

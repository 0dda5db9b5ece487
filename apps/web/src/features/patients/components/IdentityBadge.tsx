import { Badge, Tooltip } from '@mantine/core';
import type { Patient } from '@web/features/patients/patientTypes';
import { formatInstant } from '@web/lib/time/formatInstant';

/** In the patient header: "Verify identity" until checked, then "Registered online" with when it was checked. */
export function IdentityBadge({ patient, timeZone }: { patient: Patient; timeZone: string }) {
  if (!patient.selfRegistered) return null;
  if (!patient.identityVerifiedAt) {
    return (
      <Badge color="orange" variant="light" tt="none">
        Verify identity
      </Badge>
    );
  }
  return (
    <Tooltip label={`Identity checked ${formatInstant(patient.identityVerifiedAt, timeZone, 'dateTime')}`}>
      <Badge color="slate" variant="outline" tt="none" tabIndex={0}>
        Registered online · identity checked
      </Badge>
    </Tooltip>
  );
}

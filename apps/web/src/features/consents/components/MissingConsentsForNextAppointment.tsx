import { Alert } from '@mantine/core';
import { consentKindLabel } from '@web/lib/words/clinicWords';
import { IconAlertTriangle } from '@tabler/icons-react';
import { formatInstant } from '@web/lib/time/formatInstant';
import { useNextAppointmentConsents } from '@web/features/consents/hooks/useNextAppointmentConsents';

/** The consents the patient's next appointment needs and does not have: what to prepare before the patient arrives. */
export function MissingConsentsForNextAppointment({ patientId }: { patientId: string }) {
  const next = useNextAppointmentConsents(patientId);
  const data = next.data;
  if (!data?.appointmentId || data.missingConsents.length === 0) return null;
  const when = data.startsAt && data.timeZone ? formatInstant(data.startsAt, data.timeZone) : '';
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={`Consents missing for the next appointment: ${data.serviceName} on ${when}`} p="sm">
      {data.missingConsents.map(consentKindLabel).join(', ')}
    </Alert>
  );
}

import { Alert } from '@mantine/core';
import { CONSENT_KIND_LABELS, type ConsentKind } from '@skinledger/domain';
import { IconAlertTriangle } from '@tabler/icons-react';

interface MissingConsentsForNextAppointmentProps {
  /**
   * Kinds the patient's next appointment needs but has no valid consent for, as scheduling will compute them with
   * ConsentStatusService.missingConsentKinds. Undefined until scheduling is connected: then nothing is shown.
   */
  missingKinds?: readonly ConsentKind[];
  appointmentLabel?: string;
}

/** The place where the consents missing for the patient's next appointment appear (wired when scheduling lands). */
export function MissingConsentsForNextAppointment({ missingKinds, appointmentLabel }: MissingConsentsForNextAppointmentProps) {
  if (!missingKinds || missingKinds.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={`Consents missing for ${appointmentLabel ?? 'the next appointment'}`} p="sm">
      {missingKinds.map((k) => CONSENT_KIND_LABELS[k]).join(', ')}
    </Alert>
  );
}

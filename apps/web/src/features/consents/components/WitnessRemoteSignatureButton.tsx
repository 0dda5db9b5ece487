import { Button, Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useSignedInUser } from '@web/entities/current-user';
import { useWitnessConsent } from '@web/features/consents/hooks/useConsentActions';
import { useConsentAccess } from '@web/features/consents/hooks/useConsentAccess';
import { StaffPasswordForm } from './StaffPasswordForm';

interface WitnessRemoteSignatureButtonProps {
  consent: { id: string; title: string };
  patientName: string;
  /** After the witness is recorded (the check-in section reads again). */
  onWitnessed: () => void;
}

/**
 * Witnessing at check-in a consent the patient signed at home through her manage link (issue 16): with her at the
 * desk, the staff member confirms it was she who signed, and re-enters their password (the same witness step as the
 * kiosk's, POST /api/consents/:id/witness). Hidden from roles that cannot witness.
 */
export function WitnessRemoteSignatureButton({ consent, patientName, onWitnessed }: WitnessRemoteSignatureButtonProps) {
  const { canPrepare } = useConsentAccess();
  const user = useSignedInUser();
  const witness = useWitnessConsent();
  const [open, setOpen] = useState(false);
  if (!canPrepare) return null;
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpen(true)} aria-label={`Witness “${consent.title}”`}>
        Witness
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Witness a signature made at home">
        <StaffPasswordForm
          staffName={user.name}
          description={`${patientName} signed "${consent.title}" before the visit through her link. With her here, you confirm that she signed it.`}
          submitLabel="Witness"
          busy={witness.isPending}
          onSubmit={(password) =>
            witness.mutateAsync({ id: consent.id, password }).then(() => {
              notifications.show({ color: 'green', title: 'Witnessed', message: consent.title });
              setOpen(false);
              onWitnessed();
            })
          }
        />
      </Modal>
    </>
  );
}

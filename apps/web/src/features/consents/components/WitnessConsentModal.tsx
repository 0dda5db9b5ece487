import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useSignedInUser } from '@web/entities/current-user';
import type { Consent } from '@web/features/consents/consentTypes';
import { useWitnessConsent } from '@web/features/consents/hooks/useConsentActions';
import { StaffPasswordForm } from './StaffPasswordForm';

/** Witnessing later from the profile (e.g. the kiosk was left without it). */
export function WitnessConsentModal({ consent, onClose }: { consent: Consent | null; onClose: () => void }) {
  const user = useSignedInUser();
  const witness = useWitnessConsent();
  return (
    <Modal opened={consent !== null} onClose={onClose} title="Witness the signature">
      {consent && (
        <StaffPasswordForm
          staffName={user.name}
          description={`You confirm that you saw ${consent.signerName ?? 'the patient'} sign "${consent.title}".`}
          submitLabel="Witness"
          busy={witness.isPending}
          onSubmit={(password) =>
            witness.mutateAsync({ id: consent.id, password }).then(() => {
              notifications.show({ color: 'green', title: 'Witnessed', message: consent.title });
              onClose();
            })
          }
        />
      )}
    </Modal>
  );
}

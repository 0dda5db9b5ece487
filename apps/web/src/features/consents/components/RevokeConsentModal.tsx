import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import type { Consent } from '@web/features/consents/consentTypes';
import { useRevokeConsent } from '@web/features/consents/hooks/useConsentActions';

/** Records the patient's withdrawal (or voids an unsigned consent): who, when and why; the signed text stays. */
export function RevokeConsentModal({ consent, onClose }: { consent: Consent | null; onClose: () => void }) {
  const revoke = useRevokeConsent();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<ProblemFeedback['summary']>(null);
  const close = () => {
    setReason('');
    setError(null);
    setSummary(null);
    onClose();
  };
  const submit = () => {
    if (!consent) return;
    revoke.mutate(
      { id: consent.id, reason },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Consent revoked', message: consent.title });
          close();
        },
        onError: (e) => {
          const feedback = describeProblem(e, (f) => (f === 'reason' ? 'reason' : undefined));
          setError(feedback.fieldErrors.reason ?? null);
          setSummary(feedback.summary);
        },
      },
    );
  };
  const signed = consent?.signedAt !== null;
  return (
    <Modal opened={consent !== null} onClose={close} title={signed ? 'Record withdrawal of consent' : 'Void unsigned consent'}>
      <Stack gap="md">
        <Text size="sm">
          {signed
            ? 'The consent stops counting now. The signed document, its signature and hash are kept unchanged.'
            : 'The prepared consent can no longer be signed.'}
        </Text>
        <Textarea label="Reason" required autosize minRows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} data-autofocus />
        <FormAlert summary={summary} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" onClick={submit} loading={revoke.isPending} disabled={!reason.trim()}>
            {signed ? 'Revoke consent' : 'Void consent'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { usePermission } from '@web/entities/current-user';
import { useSendForms } from '@web/features/scheduling/hooks/useSendForms';
import { problemText } from './problemText';

/**
 * "Send forms": e-mails the patient a link to fill in her medical history and sign the visit's consents at home
 * (issue 16). The consents are prepared naming the appointment's practitioner; the answer says where it went, or that
 * there is no address to send it to. For whoever books appointments (front desk and up).
 */
export function SendFormsButton({ appointmentId }: { appointmentId: string }) {
  const canBook = usePermission('schedule.book');
  const send = useSendForms();
  if (!canBook) return null;
  const sent = send.data;
  return (
    <Stack gap={6}>
      <Button variant="light" leftSection={<IconMailForward size={18} aria-hidden />} onClick={() => send.mutate(appointmentId)} loading={send.isPending}>
        Send forms
      </Button>
      <Text size="xs" c="dimmed">
        E-mails the patient a link to fill in her medical history and sign her consents before the visit.
      </Text>
      {sent && (
        <Alert color={sent.queued && sent.recipient ? 'green' : 'yellow'} role="status">
          {sent.queued && sent.recipient
            ? `Forms sent to ${sent.recipient}${sent.consentsToSign > 0 ? ` (${sent.consentsToSign} consent${sent.consentsToSign === 1 ? '' : 's'} to sign)` : ''}.`
            : sent.recipient
              ? 'The forms e-mail for this visit has already gone out; it is not sent twice.'
              : 'The patient has no e-mail address on file: add one, or give her the forms at the desk.'}
        </Alert>
      )}
      {send.isError && <Alert color="red">{problemText(send.error).join(' ')}</Alert>}
    </Stack>
  );
}

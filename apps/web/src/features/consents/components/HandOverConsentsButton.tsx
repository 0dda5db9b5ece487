import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconDeviceTablet } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { describeProblem } from '@web/lib/problems/describeProblem';
import { usePrepareVisitConsents } from '@web/features/consents/hooks/useConsentActions';
import { useConsentAccess } from '@web/features/consents/hooks/useConsentAccess';

interface HandOverConsentsButtonProps {
  appointmentId: string;
  /** How many consents the visit lacks (the check-in's count), for the button's description. */
  missing: number;
  practitionerName: string;
}

/**
 * "Prepare and hand over": prepares every consent the visit lacks (POST /api/appointments/:id/consents), each naming
 * the appointment's practitioner, and opens one signing session on this tablet that walks the patient through all of
 * them, ending in one witness step. Hidden from roles that cannot prepare consents.
 */
export function HandOverConsentsButton({ appointmentId, missing, practitionerName }: HandOverConsentsButtonProps) {
  const { canPrepare } = useConsentAccess();
  const prepare = usePrepareVisitConsents();
  const navigate = useNavigate();
  if (!canPrepare) return null;

  const handOver = () =>
    prepare.mutate(appointmentId, {
      onSuccess: (visit) => {
        if (visit.consents.length === 0) return;
        void navigate(`/kiosk/visits/${appointmentId}?consents=${visit.consents.map((c) => c.id).join(',')}`);
      },
    });
  const problem = prepare.isError ? describeProblem(prepare.error).summary : null;

  return (
    <Stack gap={6}>
      <Button
        leftSection={<IconDeviceTablet size={18} aria-hidden />}
        onClick={handOver}
        loading={prepare.isPending}
        aria-describedby={`hand-over-${appointmentId}`}
      >
        Prepare and hand over
      </Button>
      <Text id={`hand-over-${appointmentId}`} size="xs" c="dimmed">
        {missing === 1 ? 'The missing consent' : `The ${missing} missing consents`}, naming {practitionerName}, signed in one session on this tablet, then
        witnessed once with your password.
      </Text>
      {problem && (
        <Alert color="red" title={problem.title} role="alert">
          {problem.messages.join(' ')}
        </Alert>
      )}
    </Stack>
  );
}

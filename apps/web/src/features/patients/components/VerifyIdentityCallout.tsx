import { Alert, Button, Group, Text } from '@mantine/core';
import { IconId } from '@tabler/icons-react';
import { usePermission } from '@web/entities/current-user';
import { ApiError } from '@web/lib/api/ApiError';
import { useVerifyIdentity } from '@web/features/patients/hooks/useVerifyIdentity';

interface VerifyIdentityCalloutProps {
  patientId: string;
  /** Compact in the appointment drawer; a little more room on the patient page. */
  compact?: boolean;
  /** After the API recorded it (e.g. the drawer refreshes the appointment). */
  onVerified?: () => void;
}

/**
 * "Verify identity" for a patient who registered herself when booking online (issue 16): what to check, and the
 * button that records who checked it and when. Shown until someone with patients.write confirms it.
 */
export function VerifyIdentityCallout({ patientId, compact = false, onVerified }: VerifyIdentityCalloutProps) {
  const canVerify = usePermission('patients.write');
  const verify = useVerifyIdentity(onVerified);
  return (
    <Alert color="orange" variant="light" icon={<IconId size={18} aria-hidden />} title="Verify identity" p={compact ? 'xs' : 'sm'} data-testid="verify-identity">
      <Text size="sm">Registered online by the patient. Check a photo ID against her name and date of birth before treatment.</Text>
      {verify.isError && (
        <Text size="sm" c="red.8" role="alert" mt={4}>
          {verify.error instanceof ApiError ? (verify.error.problem?.detail ?? verify.error.message) : 'The check could not be recorded'}
        </Text>
      )}
      {canVerify && (
        <Group mt="xs">
          <Button size="xs" variant="filled" color="orange.8" loading={verify.isPending} onClick={() => verify.mutate(patientId)}>
            Identity checked
          </Button>
        </Group>
      )}
    </Alert>
  );
}

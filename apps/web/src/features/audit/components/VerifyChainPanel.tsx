import { Alert, Button, Group, Text } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { useVerifyAuditChain } from '@web/features/audit/hooks/useVerifyAuditChain';

/** "Verify chain": recomputes every event's HMAC and shows plainly whether the trail is intact or where it breaks. */
export function VerifyChainPanel() {
  const verify = useVerifyAuditChain();
  const result = verify.data;
  return (
    <Group align="flex-start" justify="space-between" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed" maw={560}>
        Each event is sealed with a keyed hash chained to the one before, so a changed, removed, inserted or reordered event shows up here.
      </Text>
      <Button leftSection={<IconShieldCheck size={16} aria-hidden />} variant="light" loading={verify.isPending} onClick={() => verify.mutate()}>
        Verify chain
      </Button>
      <div role="status" aria-live="polite" style={{ flexBasis: '100%' }}>
        {verify.isError && <QueryErrorAlert error={verify.error} what="the verification" onRetry={() => verify.mutate()} />}
        {result?.intact === true && (
          <Alert color="teal" icon={<IconShieldCheck size={18} aria-hidden />} title="Audit trail intact">
            All {result.checked.toLocaleString()} chained events verify.
          </Alert>
        )}
        {result?.intact === false && (
          <Alert color="red" icon={<IconShieldX size={18} aria-hidden />} title="Audit trail broken">
            {result.firstBrokenEventId
              ? `Event ${result.firstBrokenEventId} does not verify (changed, moved or inserted outside the application) after ${Math.max(0, result.checked - 1).toLocaleString()} intact events.`
              : `The last events of the chain are missing: ${result.checked.toLocaleString()} events verify, but the chain head records more.`}{' '}
            Keep the database as it is and tell your administrator.
          </Alert>
        )}
      </div>
    </Group>
  );
}

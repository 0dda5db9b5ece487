import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCloudOff } from '@tabler/icons-react';
import { describeProblem } from '@web/lib/problems/describeProblem';

interface QueryErrorAlertProps {
  error: unknown;
  what: string;
  onRetry?: () => void;
}

/** A load that failed: says what could not be loaded, why, and offers to try again. */
export function QueryErrorAlert({ error, what, onRetry }: QueryErrorAlertProps) {
  const { summary } = describeProblem(error);
  return (
    <Alert role="alert" color="red" variant="light" icon={<IconCloudOff size={18} aria-hidden />} title={`Could not load ${what}`}>
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm">{summary?.title}</Text>
        {onRetry && (
          <Button variant="default" size="xs" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}

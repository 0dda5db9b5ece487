import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ProblemFeedback } from '@web/lib/problems/describeProblem';

interface FormAlertProps {
  summary: ProblemFeedback['summary'];
}

/** The part of an API problem that belongs to no single field: its detail and any rule violations. */
export function FormAlert({ summary }: FormAlertProps) {
  if (!summary) return null;
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      title={summary.title}
      icon={<IconAlertTriangle size={18} aria-hidden />}
      p="sm"
    >
      {summary.messages.length === 1 && summary.messages[0]}
      {summary.messages.length > 1 && (
        <List size="sm" spacing={2}>
          {summary.messages.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

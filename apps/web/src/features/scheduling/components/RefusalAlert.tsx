import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { problemText } from './problemText';

/**
 * What the API refused, in its words (every broken rule listed), under a short title ("Not cancelled"). The title is
 * the darkest red, readable on the alert's tint (WCAG AA).
 */
export function RefusalAlert({ title, error, onClose }: { title: string; error: unknown; onClose?: () => void }) {
  const messages = problemText(error);
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={title}
      icon={<IconAlertTriangle size={18} color="var(--mantine-color-red-9)" aria-hidden />}
      styles={{ title: { color: 'var(--mantine-color-red-9)' } }}
      withCloseButton={Boolean(onClose)}
      closeButtonLabel="Dismiss"
      onClose={onClose}
    >
      {messages.length === 1 ? (
        messages[0]
      ) : (
        <List size="sm" spacing={2}>
          {messages.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

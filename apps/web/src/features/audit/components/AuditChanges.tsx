import { Stack, Text, VisuallyHidden } from '@mantine/core';
import type { AuditEvent } from '@web/features/audit/hooks/useAuditEvents';

type Detail = AuditEvent['details'][number];

/** "field: from → to", one line per changed field, as the API words them (names, local times). */
export function AuditChanges({ lines }: { lines: Detail[] }) {
  if (lines.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {lines.map((line) => (
        <Text key={line.field} size="sm" lh={1.4} style={{ overflowWrap: 'anywhere' }}>
          <Text span c="dimmed" size="sm">
            {line.field}:
          </Text>{' '}
          {line.from !== undefined && (
            <>
              <Text span size="sm" c="slate.7">
                {line.from}
              </Text>
              <Text span c="dimmed" size="sm" aria-hidden>
                {' → '}
              </Text>
              <VisuallyHidden> changed to </VisuallyHidden>
            </>
          )}
          <Text span size="sm" fw={500}>
            {line.to ?? 'none'}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}

import { Badge } from '@mantine/core';
import { IconLock, IconPencil } from '@tabler/icons-react';

/** In progress (still charted) or signed and locked (only addenda from now on). */
export function SessionStatusBadge({ status }: { status: 'in_progress' | 'signed' }) {
  return status === 'signed' ? (
    <Badge color="slate" variant="filled" tt="none" size="md" leftSection={<IconLock size={12} aria-hidden />}>
      Signed · locked
    </Badge>
  ) : (
    <Badge color="yellow" tt="none" size="md" leftSection={<IconPencil size={12} aria-hidden />}>
      In progress
    </Badge>
  );
}

import { Text } from '@mantine/core';
import { useNow } from '@web/features/treatments/hooks/useNow';

function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** Time on the skin since the anaesthetic was applied, ticking until it is removed (domain.md section 5). */
export function AnestheticTimer({ appliedAt, removedAt }: { appliedAt: string; removedAt: string | null }) {
  const now = useNow(removedAt === null);
  const end = removedAt ? new Date(removedAt).getTime() : now;
  const elapsed = end - new Date(appliedAt).getTime();
  return (
    <Text fz={28} fw={700} className="tabular" role="timer" aria-label="Minutes on skin" c={removedAt ? 'slate.7' : 'clinic.8'}>
      {clock(elapsed)}
    </Text>
  );
}

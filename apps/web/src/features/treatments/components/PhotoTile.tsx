import { Image, Stack, Text } from '@mantine/core';
import { PHOTO_ANGLE_LABELS, type PhotoAngle } from '@skinledger/domain';
import type { SessionPhoto } from '@web/features/treatments/treatmentTypes';

export const PHASE_LABELS: Record<string, string> = { before: 'Before', after: 'After' };

/** One clinical photo (served only to signed-in staff with clinical access) with its phase and angle. */
export function PhotoTile({ photo, caption }: { photo: SessionPhoto | null; caption?: string }) {
  const label = caption ?? (photo ? `${PHASE_LABELS[photo.phase] ?? photo.phase} · ${PHOTO_ANGLE_LABELS[photo.angle as PhotoAngle] ?? photo.angle}` : '');
  return (
    <Stack gap={4}>
      {photo ? (
        <Image src={photo.url} alt={label} radius="sm" h={160} fit="cover" bg="slate.1" />
      ) : (
        <div style={{ height: 160, borderRadius: 4, background: 'var(--mantine-color-slate-1)', display: 'grid', placeItems: 'center' }}>
          <Text size="xs" c="dimmed">
            No photo
          </Text>
        </div>
      )}
      <Text size="xs" c="slate.7">
        {label}
      </Text>
    </Stack>
  );
}

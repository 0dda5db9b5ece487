import { Divider, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { PHOTO_ANGLE_LABELS, PHOTO_ANGLES, type PhotoAngle } from '@skinledger/domain';
import { useState } from 'react';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { usePatientSessions } from '@web/features/treatments/hooks/usePatientSessions';
import { usePhotoComparison } from '@web/features/treatments/hooks/useSessionPhotos';
import { PhotoTile } from './PhotoTile';

/** This session beside another of the same patient, at one angle: before and after of each. */
export function PhotoComparisonView({ sessionId, patientId }: { sessionId: string; patientId: string }) {
  const sessions = usePatientSessions(patientId);
  const others = (sessions.data ?? []).filter((s) => s.id !== sessionId);
  const [other, setOther] = useState<string | null>(null);
  const [angle, setAngle] = useState<PhotoAngle>('front');
  const comparison = usePhotoComparison(other, sessionId, angle);
  if (others.length === 0) return null;
  return (
    <Stack gap="xs">
      <Divider />
      <Group gap="xs" wrap="wrap">
        <Select
          label="Compare with the session of"
          placeholder="Choose a session"
          data={others.map((s) => ({ value: s.id, label: `${formatCalendarDate(s.performedOn)} · ${s.maxDepthMm} mm` }))}
          value={other}
          onChange={setOther}
          w={240}
        />
        <Select
          label="Angle"
          data={PHOTO_ANGLES.map((a) => ({ value: a, label: PHOTO_ANGLE_LABELS[a] }))}
          value={angle}
          onChange={(v) => v && setAngle(v as PhotoAngle)}
          w={150}
          allowDeselect={false}
        />
      </Group>
      {comparison.data && (
        <SimpleGrid cols={2} spacing="md" role="group" aria-label="Side-by-side comparison">
          {[comparison.data.a, comparison.data.b].map((side) => (
            <Stack key={side.sessionId} gap={4}>
              <Text size="sm" fw={600}>
                {formatCalendarDate(side.performedOn)}
              </Text>
              <SimpleGrid cols={2} spacing="xs">
                <PhotoTile photo={side.before} caption="Before" />
                <PhotoTile photo={side.after} caption="After" />
              </SimpleGrid>
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

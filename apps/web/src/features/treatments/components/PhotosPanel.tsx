import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useSessionPhotos } from '@web/features/treatments/hooks/useSessionPhotos';
import { PhotoComparisonView } from './PhotoComparisonView';
import { PhotoTile } from './PhotoTile';
import { PhotoUploadBar } from './PhotoUploadBar';
import { RecordSection } from './RecordSection';

interface PhotosPanelProps {
  sessionId: string;
  patientId: string;
  canWrite: boolean;
}

/** Before/after photos of the session (a photography consent is required to add them) and the comparison. */
export function PhotosPanel({ sessionId, patientId, canWrite }: PhotosPanelProps) {
  const photos = useSessionPhotos(sessionId);
  return (
    <RecordSection title="Photos">
      <Stack gap="sm">
        {canWrite && <PhotoUploadBar sessionId={sessionId} patientId={patientId} />}
        {(photos.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {photos.isPending ? 'Loading…' : 'No photos of this session.'}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
            {(photos.data ?? []).map((photo) => (
              <PhotoTile key={photo.id} photo={photo} />
            ))}
          </SimpleGrid>
        )}
        <PhotoComparisonView sessionId={sessionId} patientId={patientId} />
      </Stack>
    </RecordSection>
  );
}

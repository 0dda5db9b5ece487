import { Modal, Skeleton, Stack, Text } from '@mantine/core';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { useLastDefined } from '@web/lib/hooks/useLastDefined';
import { formatInstant } from '@web/lib/time/formatInstant';
import { useMedicalHistoryVersion } from '@web/features/patients/hooks/useMedicalHistoryVersion';
import { HistoryAnswersTable } from './HistoryAnswersTable';
import { historyRecordedBy } from '@web/features/patients/historyRecordedBy';

interface HistoryVersionModalProps {
  patientId: string;
  version: number | null;
  timeZone: string;
  onClose: () => void;
}

/** One recorded version, read-only, with every question and answer. */
export function HistoryVersionModal({ patientId, version: requested, timeZone, onClose }: HistoryVersionModalProps) {
  const version = useLastDefined(requested);
  const query = useMedicalHistoryVersion(patientId, requested);
  const data = query.data;
  return (
    <Modal opened={requested !== null} onClose={onClose} title={`Medical history, version ${version ?? ''}`} size="xl">
      {query.isPending && <Skeleton height={240} />}
      {query.isError && <QueryErrorAlert error={query.error} what="this version" onRetry={() => void query.refetch()} />}
      {data && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Recorded {formatInstant(data.recordedAt, timeZone)} by {historyRecordedBy(data)}. Recorded versions never change.
          </Text>
          <HistoryAnswersTable answers={data.answers} />
        </Stack>
      )}
    </Modal>
  );
}

import { Button, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconClipboardHeart, IconClipboardPlus, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '@web/components/EmptyState';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { formatInstant } from '@web/lib/time/formatInstant';
import { useMedicalHistory } from '@web/features/patients/hooks/useMedicalHistory';
import { usePatientAccess } from '@web/features/patients/hooks/usePatientAccess';
import { HistoryFindings } from './HistoryFindings';
import { HistoryVersionModal } from './HistoryVersionModal';
import { HistoryVersionsTable } from './HistoryVersionsTable';
import { PanelHeader } from './PanelHeader';
import { historyRecordedBy } from '@web/features/patients/historyRecordedBy';

interface MedicalHistoryPanelProps {
  patientId: string;
  timeZone: string;
  onRecord: () => void;
}

/** The current medical history (what it reports), its versions, and recording a new one. */
export function MedicalHistoryPanel({ patientId, timeZone, onRecord }: MedicalHistoryPanelProps) {
  const { canReadClinical, canRecordHistory } = usePatientAccess();
  const history = useMedicalHistory(patientId, canReadClinical);
  const [viewing, setViewing] = useState<number | null>(null);
  const current = history.data?.current ?? null;

  const recordButton = canRecordHistory && (
    <Button leftSection={<IconClipboardPlus size={16} aria-hidden />} onClick={onRecord}>
      Record medical history
    </Button>
  );

  if (!canReadClinical) {
    return (
      <Stack gap="sm">
        <PanelHeader title="Medical history" action={recordButton} />
        <EmptyState icon={<IconLock size={22} />} title="Reading the medical history is limited to clinicians" headingOrder={3}>
          You can type in a new questionnaire the patient filled in; practitioners review it and its screening.
        </EmptyState>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <PanelHeader
        title="Medical history"
        description={
          current
            ? `Version ${current.version}, recorded ${formatInstant(current.recordedAt, timeZone)} by ${historyRecordedBy(current)}.`
            : 'The questionnaire screened before every treatment. Each recording is kept as a new version.'
        }
        action={recordButton}
      />
      {history.isPending && <Skeleton height={120} />}
      {history.isError && <QueryErrorAlert error={history.error} what="the medical history" onRetry={() => void history.refetch()} />}
      {history.data && !current && (
        <EmptyState icon={<IconClipboardHeart size={22} />} title="No medical history on file" headingOrder={3}>
          Needling is blocked until a medical history is recorded.
        </EmptyState>
      )}
      {current && (
        <Paper p="md" bg="slate.0">
          <Title order={3} fz="sm" mb="xs">
            Reported in the current version
          </Title>
          <HistoryFindings answers={current.answers} />
        </Paper>
      )}
      {history.data && history.data.versions.length > 0 && (
        <Stack gap={4}>
          <Title order={3} fz="sm">
            Versions
          </Title>
          <Text size="xs" c="dimmed">
            Every recording is kept unchanged; view an older one to see what the patient reported then.
          </Text>
          <HistoryVersionsTable versions={history.data.versions} timeZone={timeZone} onView={setViewing} />
        </Stack>
      )}
      <HistoryVersionModal patientId={patientId} version={viewing} timeZone={timeZone} onClose={() => setViewing(null)} />
    </Stack>
  );
}

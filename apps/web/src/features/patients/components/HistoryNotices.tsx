import { Alert, Button, Group, Text } from '@mantine/core';
import { IconClipboardHeart, IconClockExclamation } from '@tabler/icons-react';
import { FINDING_CODES, findingMessage } from '@web/features/patients/findingText';
import type { Eligibility } from '@web/features/patients/patientTypes';

interface HistoryNoticesProps {
  eligibility: Eligibility;
  onRecordHistory?: () => void;
}

/** A missing or stale medical history gets its own call to action above the checklist. */
export function HistoryNotices({ eligibility, onRecordHistory }: HistoryNoticesProps) {
  const missing = eligibility.blockers.find((b) => b.code === FINDING_CODES.historyMissing);
  const stale = eligibility.warnings.find((w) => w.code === FINDING_CODES.historyStale);
  const action = onRecordHistory && (
    <Button size="xs" variant="default" onClick={onRecordHistory}>
      Record medical history
    </Button>
  );
  if (missing) {
    return (
      <Alert color="blue" variant="light" icon={<IconClipboardHeart size={18} aria-hidden />} title="No medical history on file" p="sm">
        <Group justify="space-between" gap="sm">
          <Text size="sm">Screening needs the patient's medical history. Record it before treatment.</Text>
          {action}
        </Group>
      </Alert>
    );
  }
  if (stale) {
    return (
      <Alert color="yellow" variant="light" icon={<IconClockExclamation size={18} aria-hidden />} title="The medical history is out of date" p="sm">
        <Group justify="space-between" gap="sm">
          <Text size="sm">{findingMessage(stale.message)}.</Text>
          {action}
        </Group>
      </Alert>
    );
  }
  return null;
}

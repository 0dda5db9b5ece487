import { Skeleton, Stack, Text } from '@mantine/core';
import { isIsoDate, type ProcedureKind } from '@skinledger/domain';
import { useState } from 'react';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { useEligibility } from '@web/features/patients/hooks/useEligibility';
import { EligibilityChecklist } from './EligibilityChecklist';
import { EligibilityControls } from './EligibilityControls';
import { EligibilityVerdict } from './EligibilityVerdict';
import { HistoryNotices } from './HistoryNotices';
import { PanelHeader } from './PanelHeader';

interface EligibilityPanelProps {
  patientId: string;
  today: string;
  onRecordHistory?: () => void;
}

/** Screening of the latest medical history for a procedure kind and date, as a checklist. */
export function EligibilityPanel({ patientId, today, onRecordHistory }: EligibilityPanelProps) {
  const [procedure, setProcedure] = useState<ProcedureKind>('medical');
  const [on, setOn] = useState(today);
  const date = isIsoDate(on) ? on : today;
  const eligibility = useEligibility(patientId, procedure, date);
  const data = eligibility.data;
  return (
    <Stack gap="md">
      <PanelHeader
        title="Eligibility"
        description="The contraindications of the latest medical history, the phototype and the allergies, screened with your clinic's rules."
      />
      <EligibilityControls procedure={procedure} on={on} onProcedureChange={setProcedure} onDateChange={setOn} />
      {eligibility.isPending && <Skeleton height={160} />}
      {eligibility.isError && <QueryErrorAlert error={eligibility.error} what="the eligibility check" onRetry={() => void eligibility.refetch()} />}
      {data && (
        <Stack gap="md" style={{ opacity: eligibility.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={eligibility.isFetching}>
          <HistoryNotices eligibility={data} onRecordHistory={onRecordHistory} />
          <EligibilityVerdict eligibility={data} procedure={data.procedure} />
          <EligibilityChecklist blockers={data.blockers} warnings={data.warnings} />
          <Text size="xs" c="dimmed">
            {data.medicalHistoryVersion
              ? `Screened against medical history version ${data.medicalHistoryVersion}, with the phototype and allergies on the record.`
              : 'No medical history was available to screen.'}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}

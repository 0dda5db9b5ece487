import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { findOutcomeScale } from '@skinledger/domain';
import { IconChartLine } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '@web/components/EmptyState';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { usePermission } from '@web/entities/current-user';
import { useAssessments } from '@web/features/treatments/hooks/useAssessments';
import { usePatientSessions } from '@web/features/treatments/hooks/usePatientSessions';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentsTable } from './AssessmentsTable';
import { OutcomeChart } from './OutcomeChart';

/** Outcomes: score per scale over time with session dates marked, change from baseline, and recording a new one. */
export function PatientOutcomesPanel({ patientId, today }: { patientId: string; today: string }) {
  const assessments = useAssessments(patientId);
  const sessions = usePatientSessions(patientId);
  const canRecord = usePermission('treatment.record');
  const [chosen, setChosen] = useState<string | null>(null);
  if (assessments.isError) return <QueryErrorAlert error={assessments.error} what="the assessments" onRetry={() => void assessments.refetch()} />;
  const all = assessments.data ?? [];
  const scales = [...new Set(all.map((a) => a.scale))];
  const scale = chosen ?? scales[0] ?? 'goodman_baron_quantitative';
  const info = findOutcomeScale(scale);
  const onScale = all.filter((a) => a.scale === scale);
  const sessionDates = [...new Set((sessions.data ?? []).map((s) => s.performedOn))];
  return (
    <Stack gap="md">
      {scales.length > 0 ? (
        <>
          {scales.length > 1 && (
            <SegmentedControl
              aria-label="Scale"
              data={scales.map((s) => ({ value: s, label: findOutcomeScale(s)?.label ?? s }))}
              value={scale}
              onChange={setChosen}
              style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
            />
          )}
          {onScale.length > 0 && info ? (
            <Stack gap={4}>
              <Group justify="space-between" gap="xs">
                <Text fw={600}>{info.label}</Text>
                <Text size="xs" c="dimmed">{`${info.version} · ${info.lowerIsBetter ? 'lower is better' : 'higher is better'} · dashed lines: sessions`}</Text>
              </Group>
              <OutcomeChart
                title={`${info.label} over time`}
                points={onScale.map((a) => ({ date: a.assessedOn, score: a.score }))}
                sessionDates={sessionDates}
                min={info.min}
                max={info.max}
              />
              <AssessmentsTable assessments={onScale} />
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              No assessments on this scale yet.
            </Text>
          )}
        </>
      ) : (
        <EmptyState icon={<IconChartLine size={22} />} title="No outcome assessments yet" headingOrder={3}>
          Record a baseline before the first session; later scores show their change from it.
        </EmptyState>
      )}
      {canRecord && <AssessmentForm patientId={patientId} today={today} sessions={sessions.data ?? []} scale={scale} onScaleChange={setChosen} />}
    </Stack>
  );
}

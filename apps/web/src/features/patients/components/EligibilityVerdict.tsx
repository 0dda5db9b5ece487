import { Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ProcedureKind } from '@skinledger/domain';
import { IconAlertTriangle, IconBan, IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import type { Eligibility } from '@web/features/patients/patientTypes';
import { PROCEDURE_LABELS } from '@web/features/patients/patientVocabulary';

interface Verdict {
  color: string;
  icon: ReactNode;
  title: string;
  detail: string;
}

function verdictOf(e: Eligibility, procedure: ProcedureKind): Verdict {
  const kind = PROCEDURE_LABELS[procedure].toLowerCase();
  const date = formatCalendarDate(e.on);
  if (e.blockers.length > 0) {
    return {
      color: 'red',
      icon: <IconBan size={22} />,
      title: `Not eligible for ${kind} on ${date}`,
      detail: e.eligibleFrom ? 'Every blocker below is a waiting period that ends by itself.' : 'Resolve the blockers below before treatment.',
    };
  }
  if (e.warnings.length > 0) {
    const n = e.warnings.length;
    return {
      color: 'yellow',
      icon: <IconAlertTriangle size={22} />,
      title: `No blockers for ${kind} on ${date}; ${n} warning${n === 1 ? '' : 's'} to acknowledge`,
      detail: 'A practitioner must acknowledge each warning with a reason before treating.',
    };
  }
  return {
    color: 'green',
    icon: <IconCircleCheck size={22} />,
    title: 'No contraindications found',
    detail: `Eligible for ${kind} on ${date}.`,
  };
}

/** The answer in one line, with the eligible-from date shown prominently when the wait ends by itself. */
export function EligibilityVerdict({ eligibility, procedure }: { eligibility: Eligibility; procedure: ProcedureKind }) {
  const v = verdictOf(eligibility, procedure);
  return (
    <Paper p="md" bg={`${v.color}.0`} style={{ borderColor: `var(--mantine-color-${v.color}-3)` }} role="status" aria-live="polite">
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon size={40} radius="xl" color={`${v.color}.7`} variant="light" aria-hidden>
          {v.icon}
        </ThemeIcon>
        <Stack gap={2} style={{ flex: 1 }}>
          <Text fw={700} c={`${v.color}.9`}>
            {v.title}
          </Text>
          {eligibility.eligibleFrom && (
            <Text fz="xl" fw={800} c="red.9" className="tabular">
              Eligible from {formatCalendarDate(eligibility.eligibleFrom)}
            </Text>
          )}
          <Text size="sm" c="slate.8">
            {v.detail}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

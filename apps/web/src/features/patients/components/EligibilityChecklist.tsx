import { Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBan } from '@tabler/icons-react';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { findingMessage } from '@web/features/patients/findingText';
import type { EligibilityBlocker, EligibilityWarning } from '@web/features/patients/patientTypes';
import { FindingItem } from './FindingItem';

interface EligibilityChecklistProps {
  blockers: EligibilityBlocker[];
  warnings: EligibilityWarning[];
}

function SectionTitle({ title, count, color, note }: { title: string; count: number; color: string; note: string }) {
  return (
    <Stack gap={0} px="sm" py={8}>
      <Group gap={8}>
        <Title order={3} fz="sm">
          {title}
        </Title>
        <Badge color={count > 0 ? color : 'slate'} variant={count > 0 ? 'filled' : 'light'} size="sm" circle>
          {count}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {note}
      </Text>
    </Stack>
  );
}

function EligibleFrom({ blocker }: { blocker: EligibilityBlocker }) {
  if (!blocker.eligibleFrom) return null;
  return (
    <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
      <Text size="sm" fw={700} c="red.8" className="tabular" style={{ whiteSpace: 'nowrap' }}>
        Eligible from {formatCalendarDate(blocker.eligibleFrom)}
      </Text>
      {blocker.until && (
        <Text size="xs" c="dimmed" className="tabular">
          blocked through {formatCalendarDate(blocker.until)}
        </Text>
      )}
    </Stack>
  );
}

/** Blockers (red, treatment may not go ahead) and warnings (amber, to acknowledge with a reason), each as a list. */
export function EligibilityChecklist({ blockers, warnings }: EligibilityChecklistProps) {
  return (
    <Paper style={{ overflow: 'hidden' }}>
      <SectionTitle title="Blockers" count={blockers.length} color="red" note="Treatment may not go ahead while any of these applies." />
      {blockers.length === 0 ? (
        <Text size="sm" c="dimmed" px="sm" pb="sm">
          None.
        </Text>
      ) : (
        <Box component="ul" role="list" aria-label="Blockers" m={0} p={0} style={{ listStyle: 'none' }}>
          {blockers.map((b) => (
            <FindingItem key={b.code} color="red" icon={<IconBan size={14} />} message={findingMessage(b.message)} aside={<EligibleFrom blocker={b} />} />
          ))}
        </Box>
      )}
      <Box style={{ borderTop: '1px solid var(--mantine-color-slate-2)' }}>
        <SectionTitle
          title="Warnings"
          count={warnings.length}
          color="yellow.7"
          note="Relative contraindications: a practitioner must acknowledge each one with a reason to proceed."
        />
        {warnings.length === 0 ? (
          <Text size="sm" c="dimmed" px="sm" pb="sm">
            None.
          </Text>
        ) : (
          <Box component="ul" role="list" aria-label="Warnings" m={0} p={0} style={{ listStyle: 'none' }}>
            {warnings.map((w) => (
              <FindingItem
                key={w.code}
                color="yellow"
                icon={<IconAlertTriangle size={14} />}
                message={findingMessage(w.message)}
              />
            ))}
          </Box>
        )}
      </Box>
    </Paper>
  );
}

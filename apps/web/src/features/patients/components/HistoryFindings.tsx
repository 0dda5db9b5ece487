import { Group, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { MEDICAL_HISTORY_FIELDS, type MedicalHistoryAnswers } from '@skinledger/domain';
import { IconPoint } from '@tabler/icons-react';
import { answerText, isReported } from '@web/features/patients/historyAnswerText';
import { isBooleanField } from '@web/features/patients/historySections';

const SECTION_COLORS = { absolute: 'red', relative: 'yellow', time_window: 'orange', other: 'slate' } as const;

/** What a history reports, compactly: only the answers that are not no / never / none. */
export function HistoryFindings({ answers }: { answers: MedicalHistoryAnswers }) {
  const reported = MEDICAL_HISTORY_FIELDS.filter((info) => isReported(info, answers));
  const quiet = MEDICAL_HISTORY_FIELDS.length - reported.length;
  if (reported.length === 0) {
    return (
      <Text size="sm" c="slate.7">
        Every question answered no or never; no medications, allergies or other history reported.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <List spacing={4} size="sm" aria-label="Reported in this history" listStyleType="none">
        {reported.map((info) => (
          <List.Item key={info.field}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <ThemeIcon size={18} variant="transparent" color={`${SECTION_COLORS[info.section]}.7`} aria-hidden>
                <IconPoint size={18} />
              </ThemeIcon>
              <Text size="sm">
                {isBooleanField(info) ? (
                  <strong>{info.label}</strong>
                ) : (
                  <>
                    <strong>{info.label}:</strong> {answerText(info, answers)}
                  </>
                )}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        The other {quiet} questions were answered no, never or none.
      </Text>
    </Stack>
  );
}

import { Table, Text } from '@mantine/core';
import type { MedicalHistoryAnswers } from '@skinledger/domain';
import { Fragment } from 'react';
import { answerText, isReported } from '@web/features/patients/historyAnswerText';
import { HISTORY_SECTIONS } from '@web/features/patients/historySections';

/** Every question of a recorded version with its answer, by section; reported answers stand out. */
export function HistoryAnswersTable({ answers }: { answers: MedicalHistoryAnswers }) {
  return (
    <Table withTableBorder={false} verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Question</Table.Th>
          <Table.Th w="35%">Answer</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {HISTORY_SECTIONS.map((section) => (
          <Fragment key={section.section}>
            <Table.Tr bg="slate.0">
              <Table.Th colSpan={2} scope="colgroup">
                {section.title}
              </Table.Th>
            </Table.Tr>
            {section.fields.map((info) => {
              const reported = isReported(info, answers);
              return (
                <Table.Tr key={info.field}>
                  <Table.Td>{info.label}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={reported ? 700 : 400} c={reported ? 'red.8' : 'slate.6'} style={{ whiteSpace: 'pre-wrap' }}>
                      {answerText(info, answers)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}

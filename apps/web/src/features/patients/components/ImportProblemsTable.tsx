import { Code, Table, VisuallyHidden } from '@mantine/core';
import { importProblemText } from '@web/features/patients/importProblemText';
import type { ImportReport } from '@web/features/patients/patientTypes';

/** Every problem, row by row: spreadsheet row number (header = 1), the column as the file names it, what is wrong. */
export function ImportProblemsTable({ problems }: { problems: ImportReport['problems'] }) {
  return (
    <Table.ScrollContainer minWidth={560} type="native" mah={420}>
      <Table stickyHeader highlightOnHover>
        <Table.Caption>
          <VisuallyHidden>Problems found in the file, by row</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>Row</Table.Th>
            <Table.Th w={200}>Column</Table.Th>
            <Table.Th>Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p, i) => (
            <Table.Tr key={`${p.row}-${p.field}-${i}`}>
              <Table.Td className="tabular">{p.row === 1 ? '1 (header)' : p.row}</Table.Td>
              <Table.Td>
                <Code fz="xs">{p.field}</Code>
              </Table.Td>
              <Table.Td>{importProblemText(p.problem)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

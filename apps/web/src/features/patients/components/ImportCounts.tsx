import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ImportReport } from '@web/features/patients/patientTypes';

interface Count {
  label: string;
  value: number;
  color: string;
}

/** Rows in the file and what happens to them, as four figures. */
export function ImportCounts({ report }: { report: ImportReport }) {
  const counts: Count[] = [
    { label: 'Rows in the file', value: report.rows, color: 'slate.9' },
    { label: report.written ? 'Patients created' : 'New patients', value: report.created, color: 'green.8' },
    { label: 'Already registered', value: report.existing, color: 'slate.7' },
    { label: 'Rows with problems', value: report.invalid, color: report.invalid > 0 ? 'red.8' : 'slate.7' },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
      {counts.map((c) => (
        <Paper key={c.label} p="sm">
          <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
            {c.label}
          </Text>
          <Text component="dd" m={0} fz={26} fw={700} c={c.color} className="tabular">
            {c.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

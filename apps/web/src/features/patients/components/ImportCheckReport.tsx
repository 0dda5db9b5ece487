import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ImportReport } from '@web/features/patients/patientTypes';
import { importFileText } from '@web/features/patients/importFileText';
import { ImportCounts } from './ImportCounts';
import { ImportProblemsTable } from './ImportProblemsTable';
import { ImportRowsTable } from './ImportRowsTable';

interface ImportCheckReportProps {
  report: ImportReport;
  fileName: string;
  importing: boolean;
  onImport: () => void;
  onStartOver: () => void;
}

/** The dry run: what an import would do, every problem by row, and the button that imports the valid rows. */
export function ImportCheckReport({ report, fileName, importing, onImport, onStartOver }: ImportCheckReportProps) {
  const columnProblems = report.problems.some((p) => p.row === 1);
  const n = report.created;
  const existingRows = report.results.filter((r) => r.status === 'existing');
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Checked {fileName}. {importFileText(report)} Nothing has been imported yet.
      </Text>
      <ImportCounts report={report} />
      {columnProblems && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="The columns need fixing first" p="sm">
          Problems on row 1 are about the header: correct the column names and check the file again.
        </Alert>
      )}
      {!columnProblems && report.invalid > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} p="sm">
          {report.invalid} row{report.invalid === 1 ? '' : 's'} will be skipped. Fix them in the file and import it again later: patients already
          imported are recognised and not created twice.
        </Alert>
      )}
      {report.problems.length === 0 && (
        <Alert color="green" variant="light" icon={<IconCircleCheck size={18} aria-hidden />} p="sm">
          No problems found.
        </Alert>
      )}
      {report.problems.length > 0 && (
        <Stack gap={4}>
          <Title order={2} fz="md">
            Problems ({report.problems.length})
          </Title>
          <ImportProblemsTable problems={report.problems} />
        </Stack>
      )}
      {existingRows.length > 0 && (
        <Stack gap={4}>
          <Title order={2} fz="md">
            Already registered ({existingRows.length})
          </Title>
          <ImportRowsTable rows={existingRows} caption="Rows whose patient is already registered" />
        </Stack>
      )}
      <Group justify="space-between" pt="xs">
        <Button variant="default" onClick={onStartOver}>
          Choose another file
        </Button>
        <Button onClick={onImport} loading={importing} disabled={columnProblems || n === 0}>
          Import {n} valid row{n === 1 ? '' : 's'}
        </Button>
      </Group>
    </Stack>
  );
}

import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ImportReport } from '@web/features/patients/patientTypes';
import { ImportCounts } from './ImportCounts';
import { ImportRowsTable } from './ImportRowsTable';

/** After the import: how many patients were created, with links to each. */
export function ImportResult({ report, onStartOver }: { report: ImportReport; onStartOver: () => void }) {
  const created = report.results.filter((r) => r.status === 'created');
  return (
    <Stack gap="md">
      <Alert color="green" variant="light" icon={<IconCircleCheck size={18} aria-hidden />} title={`${report.created} patient${report.created === 1 ? '' : 's'} imported`} p="sm">
        Each new patient has a medical record number. Record their medical history before the first treatment.
      </Alert>
      <ImportCounts report={report} />
      {created.length > 0 && (
        <Stack gap={4}>
          <Title order={2} fz="md">
            Created ({created.length})
          </Title>
          <ImportRowsTable rows={created} caption="Patients created by this import" />
        </Stack>
      )}
      <Group>
        <Button variant="default" onClick={onStartOver}>
          Import another file
        </Button>
        <Button component={Link} to="/patients">
          Go to patients
        </Button>
      </Group>
    </Stack>
  );
}

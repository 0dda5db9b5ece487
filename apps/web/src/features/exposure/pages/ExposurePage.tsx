import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDownload, IconUsers } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '@web/components/EmptyState';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { formatInstant } from '@web/lib/time/formatInstant';
import { useSelectedLocation } from '@web/entities/location';
import { ExposureTable } from '@web/features/exposure/components/ExposureTable';
import { useDownloadExposureCsv, useExposure, type ExposureSubjectKind } from '@web/features/exposure/hooks/useExposure';

function Figure({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return (
    <Paper p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={tone}>
        {value}
      </Text>
    </Paper>
  );
}

/** Who was treated with a cartridge lot or a pen: the list a recall needs, ready to call or export. */
export function ExposurePage({ kind }: { kind: ExposureSubjectKind }) {
  const { id = '' } = useParams();
  const report = useExposure(kind, id);
  const download = useDownloadExposureCsv(kind, id);
  const { timeZone } = useSelectedLocation();
  useDocumentTitle('Exposure · SkinLedger');
  const back = (
    <Anchor component={Link} to={kind === 'lot' ? `/inventory/lots/${id}` : '/inventory/devices'} size="sm">
      {kind === 'lot' ? 'Back to the lot' : 'All devices'}
    </Anchor>
  );

  if (report.isPending) {
    return (
      <>
        <PageHeader title="Patient exposure" actions={back} />
        <Skeleton height={200} role="status" aria-label="Loading exposure" />
      </>
    );
  }
  if (report.isError) {
    return (
      <>
        <PageHeader title="Patient exposure" actions={back} />
        <QueryErrorAlert error={report.error} what="the exposure list" onRetry={() => void report.refetch()} />
      </>
    );
  }
  const data = report.data;
  return (
    <>
      <PageHeader
        title="Patient exposure"
        description={data.subject.label}
        actions={
          <Group gap="md">
            {data.subject.status && (
              <Badge size="lg" color={data.subject.status === 'recalled' ? 'red' : 'gray'} variant="light">
                {data.subject.status.replaceAll('_', ' ')}
              </Badge>
            )}
            <Button
              leftSection={<IconDownload size={16} aria-hidden />}
              variant="default"
              loading={download.isPending}
              onClick={() => download.mutate()}
            >
              Download CSV
            </Button>
            {back}
          </Group>
        }
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 3 }} spacing="sm" maw={640}>
          <Figure label="Sessions" value={data.sessionCount} />
          <Figure label="Patients" value={data.patientCount} />
          <Figure label="Adverse events" value={data.adverseEventCount} tone={data.adverseEventCount > 0 ? 'red' : undefined} />
        </SimpleGrid>
        {data.sessions.length === 0 ? (
          <EmptyState icon={<IconUsers size={24} />} title="No patient was treated with it">
            No treatment session recorded in SkinLedger used {data.subject.label}.
          </EmptyState>
        ) : (
          <Paper>
            <ExposureTable sessions={data.sessions} />
          </Paper>
        )}
        <Text size="xs" c="dimmed">
          Listed {formatInstant(data.generatedAt, timeZone)}. Every listing is recorded in the audit log.
        </Text>
      </Stack>
    </>
  );
}

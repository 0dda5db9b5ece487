import { Anchor, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '@web/components/EmptyState';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { usePermission } from '@web/entities/current-user';
import { useSelectedLocation } from '@web/entities/location';
import { RecallNoticeForm } from '@web/features/inventory/components/RecallNoticeForm';
import { RecallNoticeOutcome } from '@web/features/inventory/components/RecallNoticeOutcome';
import { RecallsTable } from '@web/features/inventory/components/RecallsTable';
import { useRecalls } from '@web/features/inventory/hooks/useRecalls';
import type { RecallNoticeResult } from '@web/features/inventory/inventoryTypes';

export function RecallsPage() {
  useDocumentTitle('Recalls · SkinLedger');
  const canRecall = usePermission('inventory.recall');
  const { timeZone } = useSelectedLocation();
  const recalls = useRecalls();
  const [outcome, setOutcome] = useState<RecallNoticeResult | null>(null);

  return (
    <>
      <PageHeader
        title="Recalls"
        description="Manufacturer and FDA recalls of products the clinic stocks."
        actions={
          <Anchor component={Link} to="/inventory" size="sm">
            Back to inventory
          </Anchor>
        }
      />
      <Stack gap="md">
        {canRecall && (
          <Paper p="md" component="section" aria-labelledby="notice-heading">
            <Title order={2} fz="md" id="notice-heading">
              Record manufacturer notice
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Every named lot on record is recalled at once at every location; lots never received here are listed as not found.
            </Text>
            <Stack gap="sm">
              <RecallNoticeForm onRecorded={setOutcome} />
              {outcome && <RecallNoticeOutcome result={outcome} />}
            </Stack>
          </Paper>
        )}
        <Paper component="section" aria-labelledby="recalls-heading">
          <Title order={2} fz="md" px="md" pt="sm" pb="xs" id="recalls-heading">
            Recorded recalls
          </Title>
          {recalls.isPending && <Skeleton height={64} m="md" role="status" aria-label="Loading recalls" />}
          {recalls.isError && (
            <Stack p="md">
              <QueryErrorAlert error={recalls.error} what="recalls" onRetry={() => void recalls.refetch()} />
            </Stack>
          )}
          {recalls.data && recalls.data.length === 0 && (
            <EmptyState icon={<IconShieldCheck size={22} />} title="No recalls recorded">
              Recalls recorded from a lot or from a notice are listed here.
            </EmptyState>
          )}
          {recalls.data && recalls.data.length > 0 && <RecallsTable recalls={recalls.data} timeZone={timeZone} />}
        </Paper>
      </Stack>
    </>
  );
}

import { Anchor, Group, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { LedgerTable } from '@web/features/inventory/components/LedgerTable';
import { LotActions } from '@web/features/inventory/components/LotActions';
import { LotRecalls } from '@web/features/inventory/components/LotRecalls';
import { LotStatusBadge } from '@web/features/inventory/components/LotStatusBadge';
import { LotSummary } from '@web/features/inventory/components/LotSummary';
import { useLot } from '@web/features/inventory/hooks/useLot';

export function LotPage() {
  const { id = '' } = useParams();
  const lot = useLot(id);
  useDocumentTitle(lot.data ? `Lot ${lot.data.lotNumber} · SkinLedger` : 'Lot · SkinLedger');
  const back = (
    <Anchor component={Link} to="/inventory/lots" size="sm">
      All lots
    </Anchor>
  );

  if (lot.isPending) {
    return (
      <>
        <PageHeader title="Lot" actions={back} />
        <Skeleton height={160} role="status" aria-label="Loading lot" />
      </>
    );
  }
  if (lot.isError) {
    return (
      <>
        <PageHeader title="Lot" actions={back} />
        <QueryErrorAlert error={lot.error} what="the lot" onRetry={() => void lot.refetch()} />
      </>
    );
  }
  const data = lot.data;
  return (
    <>
      <PageHeader
        title={`Lot ${data.lotNumber}`}
        description={`${data.product.name} · ${data.product.manufacturer}`}
        actions={
          <Group gap="md">
            <LotStatusBadge status={data.status} size="lg" />
            {back}
          </Group>
        }
      />
      <Stack gap="md">
        <LotSummary lot={data} />
        <LotActions lot={data} />
        <LotRecalls lot={data} />
        <Paper component="section" aria-labelledby="ledger-heading">
          <Title order={2} fz="md" px="md" pt="sm" pb="xs" id="ledger-heading">
            Stock history
          </Title>
          <LedgerTable movements={data.ledger} />
        </Paper>
      </Stack>
    </>
  );
}

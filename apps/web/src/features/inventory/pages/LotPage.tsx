import { Anchor, Group, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { LedgerTable } from '../components/LedgerTable';
import { LotActions } from '../components/LotActions';
import { LotRecalls } from '../components/LotRecalls';
import { LotStatusBadge } from '../components/LotStatusBadge';
import { LotSummary } from '../components/LotSummary';
import { useLot } from '../hooks/useLot';

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
        <Skeleton height={160} aria-label="Loading lot" />
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

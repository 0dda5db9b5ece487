import { Anchor, Group, Paper, Select, Skeleton, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { LOT_STATUSES } from '@skinledger/domain';
import { IconPackage } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '@web/components/EmptyState';
import { KeysetPager, keysetRangeSummary } from '@web/components/KeysetPager';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { LotsTable } from '@web/features/inventory/components/LotsTable';
import { ProductSelect } from '@web/features/inventory/components/ProductSelect';
import { useLotListParams } from '@web/features/inventory/hooks/useLotListParams';
import { useLots } from '@web/features/inventory/hooks/useLots';
import { LOT_STATUS_LOOK } from '@web/features/inventory/inventoryVocabulary';
import { useKeysetCursor } from '@web/lib/hooks/useKeysetCursor';

const STATUS_OPTIONS = LOT_STATUSES.map((s) => ({ value: s, label: LOT_STATUS_LOOK[s].label }));

export function LotsPage() {
  useDocumentTitle('Lots · SkinLedger');
  const { productId, status, setProductId, setStatus } = useLotListParams();
  const cursor = useKeysetCursor(`${productId}|${status}`);
  const lots = useLots({ productId, status, locationId: '' }, cursor.after);
  const filtered = Boolean(productId || status);
  const items = lots.data?.items;

  return (
    <>
      <PageHeader
        title="Lots"
        description="Every lot on record over all locations, earliest expiry first."
        actions={
          <Anchor component={Link} to="/inventory" size="sm">
            Back to inventory
          </Anchor>
        }
      />
      <Paper>
        <Group gap="sm" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-slate-2)' }}>
          <ProductSelect label="Product" clearable placeholder="All products" value={productId || null} onChange={setProductId} w={320} />
          <Select label="Status" clearable placeholder="Any status" data={STATUS_OPTIONS} value={status || null} onChange={setStatus} w={180} />
        </Group>
        {lots.isPending && (
          <Stack p="md" gap="sm" role="status" aria-busy="true" aria-label="Loading lots">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={28} />
            ))}
          </Stack>
        )}
        {lots.isError && (
          <Stack p="md">
            <QueryErrorAlert error={lots.error} what="lots" onRetry={() => void lots.refetch()} />
          </Stack>
        )}
        {items && items.length === 0 && !cursor.hasPrevious && (
          <EmptyState icon={<IconPackage size={22} />} title={filtered ? 'No lot matches these filters' : 'No lots yet'}>
            {filtered ? 'Clear a filter to see more.' : 'Lots appear here once stock is received.'}
          </EmptyState>
        )}
        {items && items.length > 0 && <LotsTable lots={items} caption="Lots, earliest expiry first" />}
        {lots.data && (items?.length || cursor.hasPrevious) ? (
          <KeysetPager
            label="Lot pages"
            summary={`${keysetRangeSummary(cursor.pageIndex, lots.data.pageSize, lots.data.items.length, lots.data.total)} lots`}
            hasPrevious={cursor.hasPrevious}
            hasNext={lots.data.hasMore}
            onPrevious={cursor.previous}
            onNext={() => cursor.next(lots.data?.nextCursor)}
          />
        ) : null}
      </Paper>
    </>
  );
}

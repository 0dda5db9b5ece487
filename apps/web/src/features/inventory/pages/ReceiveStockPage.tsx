import { Anchor, Paper, Stack, Tabs } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconBarcode, IconForms } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '@web/components/PageHeader';
import { useSelectedLocation } from '@web/entities/location';
import { FormReceiveForm } from '@web/features/inventory/components/FormReceiveForm';
import { ReceiptResult } from '@web/features/inventory/components/ReceiptResult';
import { ScanReceiveForm } from '@web/features/inventory/components/ScanReceiveForm';
import type { Receipt } from '@web/features/inventory/inventoryTypes';

export function ReceiveStockPage() {
  useDocumentTitle('Receive stock · SkinLedger');
  const { location } = useSelectedLocation();
  const [receipts, setReceipts] = useState<Receipt[]>([]);
  const received = (receipt: Receipt) => setReceipts((current) => [receipt, ...current].slice(0, 5));

  return (
    <>
      <PageHeader
        title="Receive stock"
        description={`Into ${location?.name ?? 'the selected location'}. Switch location at the top to receive elsewhere.`}
        actions={
          <Anchor component={Link} to="/inventory" size="sm">
            Back to inventory
          </Anchor>
        }
      />
      <Stack gap="md" maw={880}>
        <Paper>
          <Tabs defaultValue="scan" keepMounted={false}>
            <Tabs.List px="md">
              <Tabs.Tab value="scan" leftSection={<IconBarcode size={16} aria-hidden />}>
                Scan
              </Tabs.Tab>
              <Tabs.Tab value="form" leftSection={<IconForms size={16} aria-hidden />}>
                Receive by form
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="scan" p="md">
              <ScanReceiveForm onReceived={received} />
            </Tabs.Panel>
            <Tabs.Panel value="form" p="md">
              <FormReceiveForm onReceived={received} />
            </Tabs.Panel>
          </Tabs>
        </Paper>
        {receipts.map((r) => (
          <ReceiptResult key={r.movement.id} receipt={r} locationName={location?.name ?? ''} />
        ))}
      </Stack>
    </>
  );
}

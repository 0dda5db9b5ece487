import { Alert, Group, List, Text } from '@mantine/core';
import { parseUdi, type IsoDate } from '@skinledger/domain';
import { IconAlertTriangle } from '@tabler/icons-react';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { formatLabelDateTime } from '@web/features/inventory/labelDateTime';
import { explainGs1Error } from '@web/features/inventory/scanProblem';

interface ParsedScanProps {
  code: string;
  today: IsoDate;
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} className="tabular">
        {value}
      </Text>
    </div>
  );
}

/**
 * What the label says, read live as the scanner types: GTIN (or the HIBC product), lot, expiry, serial and the other
 * fields a device label carries (240, 7003, 30), or why it cannot be read.
 */
export function ParsedScan({ code, today }: ParsedScanProps) {
  if (!code.trim()) return null;
  const result = parseUdi(code, { referenceDate: today });
  if (!result.ok) {
    return (
      <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="The barcode cannot be read yet" p="sm" aria-live="polite">
        <List size="sm" spacing={2}>
          {result.errors.map((e) => (
            <List.Item key={`${e.ai ?? ''}-${e.code}`}>{explainGs1Error(e)}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  const udi = result.value;
  const { lot, expiryDate, serial, productionDate } = udi;
  const expired = expiryDate !== undefined && expiryDate < today;
  return (
    <Group gap="xl" aria-live="polite" aria-label="Read from the barcode" role="group">
      {udi.kind === 'gs1' ? <Field label="GTIN" value={udi.gtin} /> : <Field label="HIBC product" value={udi.deviceId} />}
      <Field label="Lot" value={lot ?? 'not on the label'} />
      <Field label="Expiry" value={expiryDate ? `${formatCalendarDate(expiryDate)}${expired ? ' (expired)' : ''}` : 'not on the label'} />
      {udi.kind === 'gs1' && udi.expiryDateTime && <Field label="Expires at" value={formatLabelDateTime(udi.expiryDateTime)} />}
      {productionDate && <Field label="Made" value={formatCalendarDate(productionDate)} />}
      {serial && <Field label="Serial" value={serial} />}
      {udi.kind === 'gs1' && udi.additionalProductId && <Field label="Additional product id" value={udi.additionalProductId} />}
      {udi.kind === 'gs1' && udi.count !== undefined && <Field label="Count" value={String(udi.count)} />}
    </Group>
  );
}

import { Table, Text } from '@mantine/core';
import type { TreatmentSession } from '@web/features/treatments/treatmentTypes';

/** Depth and passes per zone as charted, with any override reason. */
export function ZonesTable({ zones }: { zones: TreatmentSession['zones'] }) {
  const overrides = zones.some((z) => z.overrideReason);
  if (zones.length === 0) return <Text size="sm" c="dimmed">No zones charted.</Text>;
  return (
    <Table aria-label="Zones" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Zone</Table.Th>
          <Table.Th ta="right">Depth</Table.Th>
          <Table.Th ta="right">Passes</Table.Th>
          {overrides && <Table.Th>Override reason</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {zones.map((z) => (
          <Table.Tr key={z.zone}>
            <Table.Td>{z.label}</Table.Td>
            <Table.Td ta="right" className="tabular" style={{ whiteSpace: 'nowrap' }}>{`${z.depthMm} mm`}</Table.Td>
            <Table.Td ta="right" className="tabular">{z.passes}</Table.Td>
            {overrides && <Table.Td c={z.overrideReason ? 'yellow.9' : 'dimmed'}>{z.overrideReason ?? '—'}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { formatInstant } from '@web/lib/time/formatInstant';
import type { TreatmentSession } from '@web/features/treatments/treatmentTypes';

/** Cartridges taken from stock for the session (the ledger's "used" movements), with lot numbers for traceability. */
export function CartridgesTable({ cartridges, timeZone }: { cartridges: TreatmentSession['cartridges']; timeZone: string }) {
  return (
    <Table aria-label="Cartridges">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Cartridge</Table.Th>
          <Table.Th>Lot</Table.Th>
          <Table.Th>Expires</Table.Th>
          <Table.Th>Taken</Table.Th>
          <Table.Th>Reason</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cartridges.map((c) => (
          <Table.Tr key={c.movementId}>
            <Table.Td>{c.productName}</Table.Td>
            <Table.Td ff="monospace">
              <Anchor component={Link} to={`/inventory/lots/${c.lotId}`} size="sm">
                {c.lotNumber}
              </Anchor>
            </Table.Td>
            <Table.Td className="tabular">{formatCalendarDate(c.expiresOn)}</Table.Td>
            <Table.Td className="tabular">{formatInstant(c.recordedAt, timeZone, 'time')}</Table.Td>
            <Table.Td c={c.reason ? undefined : 'dimmed'}>{c.reason ?? 'First cartridge'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

import { SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { daysBetween, isoDateInTimeZone } from '@skinledger/domain';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { useCartridgesReport, type CartridgeGrouping } from '@web/features/reports/hooks/useReports';
import type { ReportParam } from '@web/features/reports/hooks/useReportFilters';
import { reportCsvHref, reportQuery, type ReportFilters } from '@web/features/reports/reportFilters';
import { cartridgesSummary, daysLeftWords, formatCount, formatPercent, type CartridgeRow } from '@web/features/reports/reportNumbers';
import { GroupBarChart, groupChartHeight, MonthBarChart } from './lazyCharts';
import { ReportBody } from './ReportBody';
import { ReportFigure } from './ReportFigure';
import { ReportPanelHeader } from './ReportPanelHeader';
import { ReportTableScroll } from './ReportTableScroll';

const GROUPINGS: { value: CartridgeGrouping; label: string }[] = [
  { value: 'product', label: 'Product' },
  { value: 'lot', label: 'Lot' },
  { value: 'practitioner', label: 'Practitioner' },
  { value: 'month', label: 'Month' },
];
const isGrouping = (value: string): value is CartridgeGrouping => GROUPINGS.some((g) => g.value === value);

const REASONS: { key: keyof CartridgeRow['wastedByReason']; label: string }[] = [
  { key: 'dropped', label: 'dropped' },
  { key: 'packaging_damaged', label: 'packaging damaged' },
  { key: 'contaminated', label: 'contaminated' },
  { key: 'expired', label: 'expired' },
  { key: 'other', label: 'other' },
];

const USE_AND_WASTE = [
  { name: 'used', label: 'Used on patients', color: 'clinic.6' },
  { name: 'wasted', label: 'Wasted', color: 'orange.6' },
];

/** "2 dropped, 1 contaminated", or the dash. */
function reasonsText(row: CartridgeRow): string {
  const parts = REASONS.filter((r) => row.wastedByReason[r.key] > 0).map((r) => `${row.wastedByReason[r.key]} ${r.label}`);
  return parts.length > 0 ? parts.join(', ') : '—';
}

interface CartridgesPanelProps {
  filters: ReportFilters;
  groupBy: string;
  timeZone: string;
  onChange: (key: ReportParam, value: string) => void;
}

/** Cartridges received, used and wasted, from the stock ledger (issue 17), and the lots about to expire. */
export function CartridgesPanel({ filters, groupBy: groupParam, timeZone, onChange }: CartridgesPanelProps) {
  const groupBy: CartridgeGrouping = isGrouping(groupParam) ? groupParam : 'product';
  const report = useCartridgesReport(filters, groupBy);
  const csvHref = reportCsvHref('/api/reports/cartridges', reportQuery(filters, { groupBy }));
  const perPractitioner = groupBy === 'practitioner';
  const perMonth = groupBy === 'month';
  const today = isoDateInTimeZone(new Date(), timeZone);
  const groupWord = GROUPINGS.find((g) => g.value === groupBy)?.label ?? 'Product';

  return (
    <>
      <ReportPanelHeader
        title="Cartridge use and waste"
        description="From the stock ledger: what was received, used on patients and wasted in the range, and what is left."
        csvHref={csvHref}
        controls={
          <Stack gap={4}>
            <Text size="sm" fw={500} id="cartridges-group-label">Per</Text>
            <SegmentedControl aria-labelledby="cartridges-group-label" data={GROUPINGS} value={groupBy} onChange={(v) => onChange('cartridgesBy', v)} size="sm" />
          </Stack>
        }
      />
      <ReportBody report={report} what="the cartridges report">
        {(data) => (
          <>
            <ReportFigure
              title={`Cartridges used and wasted per ${groupWord.toLowerCase()}`}
              summary={cartridgesSummary(data)}
              height={perMonth ? 280 : groupChartHeight(data.rows.length)}
              chart={
                perMonth ? (
                  <MonthBarChart data={data.rows.map((r) => ({ label: r.label, used: r.used, wasted: r.wasted }))} stacked series={USE_AND_WASTE} />
                ) : (
                  <GroupBarChart data={data.rows.map((r) => ({ label: r.label, used: r.used, wasted: r.wasted }))} labelKey="label" stacked series={USE_AND_WASTE} />
                )
              }
            />
            <ReportTableScroll label="Cartridges, table" minWidth={860} mt="md">
              <Table striped withTableBorder horizontalSpacing="xs" fz="sm" className="tabular" data-testid="cartridges-table" style={{ whiteSpace: 'nowrap' }}>
                <Table.Caption>
                  <VisuallyHidden>Cartridges per {groupWord.toLowerCase()}</VisuallyHidden>
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{groupWord}</Table.Th>
                    <Table.Th scope="col" ta="right">Received</Table.Th>
                    <Table.Th scope="col" ta="right">Used</Table.Th>
                    <Table.Th scope="col" ta="right">Wasted</Table.Th>
                    <Table.Th scope="col">Wasted because</Table.Th>
                    <Table.Th scope="col" ta="right">Waste</Table.Th>
                    <Table.Th scope="col" ta="right">Expired unused</Table.Th>
                    <Table.Th scope="col" ta="right">On hand</Table.Th>
                    <Table.Th scope="col" ta="right">Sessions</Table.Th>
                    <Table.Th scope="col" ta="right">Per session</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={10}>
                        <Text size="sm" c="slate.7">No cartridge was received, used or wasted in this range.</Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {data.rows.map((r) => (
                    <Table.Tr key={r.key}>
                      <Table.Th scope="row" fw={500}>{r.label}</Table.Th>
                      <Table.Td ta="right">{formatCount(r.received)}</Table.Td>
                      <Table.Td ta="right">{formatCount(r.used)}</Table.Td>
                      <Table.Td ta="right">{formatCount(r.wasted)}</Table.Td>
                      <Table.Td>{reasonsText(r)}</Table.Td>
                      <Table.Td ta="right">{formatPercent(r.wastePercent)}</Table.Td>
                      <Table.Td ta="right">{formatCount(r.expiredUnused)}</Table.Td>
                      <Table.Td ta="right">{formatCount(r.onHand)}</Table.Td>
                      <Table.Td ta="right">{formatCount(r.sessions)}</Table.Td>
                      <Table.Td ta="right">{r.cartridgesPerSession === null ? '—' : String(Math.round(r.cartridgesPerSession * 10) / 10)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ReportTableScroll>
            {perMonth && (
              <Text size="xs" c="slate.7" mt={6}>
                Per month: what moved in each month of the range. Expired and on-hand stock are what is left at the end of the range, not a month’s movement (shown as —).
              </Text>
            )}
            {perPractitioner && (
              <Text size="xs" c="slate.7" mt={6}>
                Per practitioner: who used or wasted them. Received, expired and on-hand stock belong to lots, not to people (shown as —).
              </Text>
            )}

            <Title order={3} size="h4" mt="lg" mb="xs" id="expiring-lots-heading">
              Lots expiring within 60 days
            </Title>
            {data.expiringSoon.length === 0 ? (
              <Text size="sm" c="slate.7">No lot with stock on hand expires in the next 60 days.</Text>
            ) : (
              <ReportTableScroll label="Lots expiring within 60 days, table" minWidth={560}>
                <Table striped withTableBorder fz="sm" className="tabular" aria-labelledby="expiring-lots-heading" data-testid="expiring-lots-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Lot</Table.Th>
                      <Table.Th scope="col">Product</Table.Th>
                      <Table.Th scope="col">Expires</Table.Th>
                      <Table.Th scope="col" ta="right">On hand</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.expiringSoon.map((lot) => (
                      <Table.Tr key={lot.lotId}>
                        <Table.Th scope="row" fw={500}>{lot.lotNumber}</Table.Th>
                        <Table.Td>{lot.productName}</Table.Td>
                        <Table.Td>
                          {formatCalendarDate(lot.expiresOn)}{' '}
                          <Text span size="xs" c="slate.7">({daysLeftWords(daysBetween(today, lot.expiresOn))})</Text>
                        </Table.Td>
                        <Table.Td ta="right">{lot.onHand}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ReportTableScroll>
            )}
          </>
        )}
      </ReportBody>
    </>
  );
}

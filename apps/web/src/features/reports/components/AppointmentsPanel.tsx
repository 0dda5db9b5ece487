import { SegmentedControl, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useAppointmentsReport, type AppointmentGrouping } from '@web/features/reports/hooks/useReports';
import type { ReportParam } from '@web/features/reports/hooks/useReportFilters';
import { reportCsvHref, reportQuery, type ReportFilters } from '@web/features/reports/reportFilters';
import { appointmentsSummary, formatCount, formatHours, formatPercent, heatMapSummary, noShowTrendSummary, type AppointmentRow } from '@web/features/reports/reportNumbers';
import { GroupBarChart, groupChartHeight, MonthBarChart, NoShowTrendChart } from './lazyCharts';
import { ReportBody } from './ReportBody';
import { ReportFigure } from './ReportFigure';
import { ReportPanelHeader } from './ReportPanelHeader';
import { ReportTableScroll } from './ReportTableScroll';
import { UtilisationHeatMap } from './UtilisationHeatMap';

const GROUPINGS: { value: AppointmentGrouping; label: string }[] = [
  { value: 'practitioner', label: 'Practitioner' },
  { value: 'service', label: 'Service' },
  { value: 'room', label: 'Room' },
  { value: 'weekday', label: 'Weekday' },
  { value: 'month', label: 'Month' },
  { value: 'weekdayHour', label: 'Weekday × hour' },
];
const isGrouping = (value: string): value is AppointmentGrouping => GROUPINGS.some((g) => g.value === value);
/** Services and rooms keep no working hours of their own, so utilisation is per practitioner or period only. */
const hasHours = (groupBy: AppointmentGrouping) => groupBy !== 'service' && groupBy !== 'room';


function RowCells({ row }: { row: AppointmentRow }) {
  return (
    <>
      <Table.Td ta="right">{row.booked}</Table.Td>
      <Table.Td ta="right">{row.completed}</Table.Td>
      <Table.Td ta="right">{row.cancelled}</Table.Td>
      <Table.Td ta="right">{row.lateCancelled}</Table.Td>
      <Table.Td ta="right">{row.noShows}</Table.Td>
      <Table.Td ta="right">{formatPercent(row.noShowPercent)}</Table.Td>
      <Table.Td ta="right">{formatHours(row.bookedMinutes)}</Table.Td>
      <Table.Td ta="right">{formatHours(row.availableMinutes)}</Table.Td>
      <Table.Td ta="right">{formatPercent(row.utilisationPercent)}</Table.Td>
      <Table.Td ta="right">{formatCount(row.onlineBooked)}</Table.Td>
    </>
  );
}

interface AppointmentsPanelProps {
  filters: ReportFilters;
  groupBy: string;
  onChange: (key: ReportParam, value: string) => void;
}

/** Bookings, cancellations, no-shows and the share of working time booked (issue 17). */
export function AppointmentsPanel({ filters, groupBy: groupParam, onChange }: AppointmentsPanelProps) {
  const groupBy: AppointmentGrouping = isGrouping(groupParam) ? groupParam : 'practitioner';
  const report = useAppointmentsReport(filters, groupBy);
  const csvHref = reportCsvHref('/api/reports/appointments', reportQuery(filters, { groupBy }));
  const groupWord = GROUPINGS.find((g) => g.value === groupBy)?.label ?? 'Practitioner';
  const rows = report.data?.rows ?? [];
  const height = groupChartHeight(rows.length);

  return (
    <>
      <ReportPanelHeader
        title="Appointments, no-shows and utilisation"
        description="Appointments starting in the range, what became of them, and booked time against working hours minus time off."
        csvHref={csvHref}
        controls={
          <Stack gap={4}>
            <Text size="sm" fw={500} id="appointments-group-label">Per</Text>
            <SegmentedControl aria-labelledby="appointments-group-label" data={GROUPINGS} value={groupBy} onChange={(v) => onChange('appointmentsBy', v)} size="sm" />
          </Stack>
        }
      />
      <ReportBody report={report} what="the appointments report">
        {(data) => (
          <>
            {groupBy === 'month' ? (
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
                <ReportFigure
                  title="No-show rate per month"
                  note="Columns: appointments booked; line: no-shows against visits due (right axis). A month with no visit due has no rate."
                  summary={noShowTrendSummary(data)}
                  height={280}
                  chart={<NoShowTrendChart data={rows.map((r) => ({ label: r.label, booked: r.booked, noShowPercent: r.noShowPercent }))} />}
                />
                <ReportFigure
                  title="Utilisation per month"
                  note="Booked minutes against working hours minus time off; above 100 % when staff book beyond their hours."
                  summary={`Utilisation ${formatPercent(data.total.utilisationPercent)} overall: ${formatHours(data.total.bookedMinutes)} booked of ${formatHours(data.total.availableMinutes)} available.`}
                  height={280}
                  chart={
                    <MonthBarChart
                      data={rows.map((r) => ({ label: r.label, utilisation: r.utilisationPercent === null ? null : Math.round(r.utilisationPercent * 10) / 10 }))}
                      unit="%"
                      atLeast={100}
                      series={[{ name: 'utilisation', label: 'Utilisation', color: 'indigo.6' }]}
                    />
                  }
                />
              </SimpleGrid>
            ) : groupBy === 'weekdayHour' ? (
              <ReportFigure
                title="Utilisation by weekday and hour"
                note="Each hour of the location’s clock: minutes booked against minutes worked in that hour (an appointment’s minutes fall in the hours it covers; it is counted in the hour it starts). Hatched: nobody worked and nothing was booked."
                summary={heatMapSummary(data)}
                height="auto"
                chart={<UtilisationHeatMap rows={rows} />}
              />
            ) : (
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
                <ReportFigure
                  title={`Completed, no-shows and cancelled per ${groupWord.toLowerCase()}`}
                  summary={appointmentsSummary(data)}
                  height={height}
                  chart={
                    <GroupBarChart
                      data={rows.map((r) => ({ label: r.label, completed: r.completed, noShows: r.noShows, cancelled: r.cancelled }))}
                      labelKey="label"
                      stacked
                      series={[
                        { name: 'completed', label: 'Completed', color: 'clinic.6' },
                        { name: 'noShows', label: 'No-shows', color: 'red.6' },
                        { name: 'cancelled', label: 'Cancelled', color: 'slate.4' },
                      ]}
                    />
                  }
                />
                {hasHours(groupBy) ? (
                  <ReportFigure
                    title={`Utilisation per ${groupWord.toLowerCase()}`}
                    note="Booked minutes against working hours minus time off; above 100 % when staff book beyond their hours."
                    summary={`Utilisation ${formatPercent(data.total.utilisationPercent)} overall: ${formatHours(data.total.bookedMinutes)} booked of ${formatHours(data.total.availableMinutes)} available.`}
                    height={height}
                    chart={
                      <GroupBarChart
                        data={rows.map((r) => ({ label: r.label, utilisation: r.utilisationPercent === null ? null : Math.round(r.utilisationPercent * 10) / 10 }))}
                        labelKey="label"
                        unit="%"
                        atLeast={100}
                        series={[{ name: 'utilisation', label: 'Utilisation', color: 'indigo.6' }]}
                      />
                    }
                  />
                ) : (
                  <ReportFigure
                    title={`Hours booked per ${groupWord.toLowerCase()}`}
                    note="Services and rooms keep no working hours of their own: utilisation is shown per practitioner or weekday."
                    summary={`${formatHours(data.total.bookedMinutes)} booked in all.`}
                    height={height}
                    chart={
                      <GroupBarChart
                        data={rows.map((r) => ({ label: r.label, hours: Math.round((r.bookedMinutes / 60) * 10) / 10 }))}
                        labelKey="label"
                        unit="h"
                        series={[{ name: 'hours', label: 'Hours booked', color: 'indigo.6' }]}
                      />
                    }
                  />
                )}
              </SimpleGrid>
            )}
            <ReportTableScroll label="Appointments, table" minWidth={900} mt="md">
              <Table striped withTableBorder horizontalSpacing="xs" fz="sm" className="tabular" data-testid="appointments-table" style={{ whiteSpace: 'nowrap' }}>
                <Table.Caption>
                  <VisuallyHidden>Appointments per {groupWord.toLowerCase()}, and the total</VisuallyHidden>
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{groupWord}</Table.Th>
                    <Table.Th scope="col" ta="right">Booked</Table.Th>
                    <Table.Th scope="col" ta="right">Completed</Table.Th>
                    <Table.Th scope="col" ta="right">Cancelled</Table.Th>
                    <Table.Th scope="col" ta="right">Late</Table.Th>
                    <Table.Th scope="col" ta="right">No-shows</Table.Th>
                    <Table.Th scope="col" ta="right">No-show rate</Table.Th>
                    <Table.Th scope="col" ta="right">Booked time</Table.Th>
                    <Table.Th scope="col" ta="right">Available</Table.Th>
                    <Table.Th scope="col" ta="right">Utilisation</Table.Th>
                    <Table.Th scope="col" ta="right">Booked online</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={11}>
                        <Text size="sm" c="slate.7">No appointment started in this range.</Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {rows.map((r) => (
                    <Table.Tr key={r.key}>
                      <Table.Th scope="row" fw={500}>{r.label}</Table.Th>
                      <RowCells row={r} />
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr fw={600}>
                    <Table.Th scope="row">Total</Table.Th>
                    <RowCells row={data.total} />
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </ReportTableScroll>
            <Text size="xs" c="slate.7" mt={6}>
              Late: cancelled by the patient inside the clinic’s late-cancellation window. No-show rate: no-shows against completed visits and no-shows. Booked time counts every appointment not cancelled (a no-show’s time was given away too).
            </Text>
          </>
        )}
      </ReportBody>
    </>
  );
}

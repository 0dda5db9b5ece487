import { Group, SimpleGrid, Skeleton, Table, Text, Title } from '@mantine/core';
import { ADVERSE_EVENT_TYPE_INFO } from '@skinledger/domain';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { useSafetyReport } from '@web/features/reports/hooks/useReports';
import { reportCsvHref, reportQuery, type ReportFilters } from '@web/features/reports/reportFilters';
import { formatPer100, refusalWords, safetySummary } from '@web/features/reports/reportNumbers';
import { GroupBarChart } from './lazyCharts';
import { RateTable } from './RateTable';
import { ReportFigure } from './ReportFigure';
import { ReportPanelHeader } from './ReportPanelHeader';
import { ReportTableScroll } from './ReportTableScroll';

/** A figure with its name, large enough to read across the room. */
function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="slate.7">{label}</Text>
      <Text fw={600} size="xl" className="tabular">{value}</Text>
    </div>
  );
}

/** An adverse event type in the clinic's words (the API labels a type by its code). */
const typeLabel = (key: string, label: string) => (key in ADVERSE_EVENT_TYPE_INFO ? ADVERSE_EVENT_TYPE_INFO[key as keyof typeof ADVERSE_EVENT_TYPE_INFO].label : label);

/** Safety signals (issue 17): adverse events per 100 sessions, refused session starts, overrides with who and why. */
export function SafetyPanel({ filters }: { filters: ReportFilters }) {
  const report = useSafetyReport(filters);
  const csvHref = reportCsvHref('/api/reports/safety', reportQuery(filters));
  return (
    <>
      <ReportPanelHeader
        title="Safety signals"
        description="Adverse events after signed sessions, session starts the safety checklist refused, and the overrides practitioners recorded."
        csvHref={csvHref}
      />
      {report.isPending && <Skeleton height={260} aria-label="Loading the safety report" />}
      {report.isError && <QueryErrorAlert error={report.error} what="the safety report" onRetry={() => void report.refetch()} />}
      {report.data && (
        <div style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
          <Group gap="xl" mb="md" data-testid="safety-figures">
            <Figure label="Signed sessions" value={String(report.data.sessions)} />
            <Figure label="Adverse events" value={String(report.data.adverseEvents)} />
            <Figure label="Per 100 sessions" value={formatPer100(report.data.adverseEventsPer100Sessions)} />
            <Figure label="Refused starts" value={String(report.data.preflightRefusals)} />
            <Figure label="Overrides" value={String(report.data.overrideCount)} />
          </Group>
          <ReportFigure
            title="Adverse events per 100 sessions by deepest depth"
            summary={safetySummary(report.data)}
            height={240}
            chart={
              <GroupBarChart
                data={report.data.byDepthBand.map((b) => ({ label: b.label, per100: b.per100Sessions }))}
                labelKey="label"
                series={[{ name: 'per100', label: 'Per 100 sessions', color: 'orange.6' }]}
              />
            }
          />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mt="md">
            <RateTable title="By type" what="Type" rows={report.data.byType.map((t) => ({ ...t, label: typeLabel(t.key, t.label) }))} testId="safety-by-type" />
            <RateTable title="By deepest depth" what="Depth band" rows={report.data.byDepthBand} testId="safety-by-depth" />
            <RateTable title="By cartridge lot" what="Lot" rows={report.data.byLot} testId="safety-by-lot" />
            <RateTable title="By pen" what="Pen" rows={report.data.byDevice} testId="safety-by-device" />
          </SimpleGrid>

          <Title order={3} size="h4" mt="lg" mb="xs" id="refusals-heading">
            Refused session starts by reason
          </Title>
          {report.data.refusalsByReason.length === 0 ? (
            <Text size="sm" c="slate.7">The safety checklist refused no session start in this range.</Text>
          ) : (
            <ReportTableScroll label="Refused session starts by reason" minWidth={360}>
              <Table striped withTableBorder fz="sm" className="tabular" aria-labelledby="refusals-heading" data-testid="refusals-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Reason</Table.Th>
                    <Table.Th scope="col" ta="right">Refused starts</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.data.refusalsByReason.map((r) => (
                    <Table.Tr key={r.code}>
                      <Table.Th scope="row" fw={500}>{refusalWords(r.code)}</Table.Th>
                      <Table.Td ta="right">{r.refusals}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ReportTableScroll>
          )}
          <Text size="xs" c="slate.7" mt={4}>A refused start may give several reasons.</Text>

          <Title order={3} size="h4" mt="lg" mb="xs" id="overrides-heading">
            Overrides
          </Title>
          {report.data.overrides.length === 0 ? (
            <Text size="sm" c="slate.7">No relative contraindication was acknowledged and no depth overridden in this range.</Text>
          ) : (
            <ReportTableScroll label="Overrides" minWidth={760}>
              <Table striped withTableBorder fz="sm" aria-labelledby="overrides-heading" data-testid="overrides-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Session</Table.Th>
                    <Table.Th scope="col">Override</Table.Th>
                    <Table.Th scope="col">Who</Table.Th>
                    <Table.Th scope="col">What</Table.Th>
                    <Table.Th scope="col">Why</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.data.overrides.map((o) => (
                    <Table.Tr key={`${o.sessionId}-${o.kind}-${o.subject}`}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatCalendarDate(o.performedOn)}</Table.Td>
                      <Table.Td>{o.kind === 'depth' ? 'Depth over the zone maximum' : 'Relative contraindication acknowledged'}</Table.Td>
                      <Table.Td>{o.practitionerName}</Table.Td>
                      <Table.Td>{o.depthMm === null ? o.subject : `${o.subject} at ${o.depthMm} mm`}</Table.Td>
                      <Table.Td>{o.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ReportTableScroll>
          )}
          {report.data.overrideCount > report.data.overrides.length && (
            <Text size="xs" c="slate.7" mt={4}>
              The latest {report.data.overrides.length} of {report.data.overrideCount} overrides in this range.
            </Text>
          )}
        </div>
      )}
    </>
  );
}

import { Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { preflightCodeWords } from '@skinledger/domain';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { useSafetyReport } from '@web/features/reports/hooks/useReports';
import { reportCsvHref, reportQuery, type ReportFilters } from '@web/features/reports/reportFilters';
import { formatPer100, safetySummary } from '@web/features/reports/reportNumbers';
import { GroupBarChart } from './lazyCharts';
import { RateTable } from './RateTable';
import { ReportBody } from './ReportBody';
import { ReportFigure } from './ReportFigure';
import { ReportPanelHeader } from './ReportPanelHeader';
import { ReportTableScroll } from './ReportTableScroll';
import { KeyFigure } from './KeyFigure';

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
      <ReportBody report={report} what="the safety report">
        {(data) => (
          <>
            <Group gap="xl" mb="md" data-testid="safety-figures">
              <KeyFigure label="Signed sessions" value={String(data.sessions)} />
              <KeyFigure label="Adverse events" value={String(data.adverseEvents)} />
              <KeyFigure label="Per 100 sessions" value={formatPer100(data.adverseEventsPer100Sessions)} />
              <KeyFigure label="Refused starts" value={String(data.preflightRefusals)} />
              <KeyFigure label="Overrides" value={String(data.overrideCount)} />
            </Group>
            <ReportFigure
              title="Adverse events per 100 sessions by deepest depth"
              summary={safetySummary(data)}
              height={240}
              chart={
                <GroupBarChart
                  data={data.byDepthBand.map((b) => ({ label: b.label, per100: b.per100Sessions }))}
                  labelKey="label"
                  series={[{ name: 'per100', label: 'Per 100 sessions', color: 'orange.6' }]}
                />
              }
            />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mt="md">
              <RateTable title="By type" what="Type" rows={data.byType} testId="safety-by-type" />
              <RateTable title="By deepest depth" what="Depth band" rows={data.byDepthBand} testId="safety-by-depth" />
              <RateTable title="By cartridge lot" what="Lot" rows={data.byLot} testId="safety-by-lot" />
              <RateTable title="By pen" what="Pen" rows={data.byDevice} testId="safety-by-device" />
            </SimpleGrid>

            <Title order={3} size="h4" mt="lg" mb="xs" id="refusals-heading">
              Refused session starts by reason
            </Title>
            {data.refusalsByReason.length === 0 ? (
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
                    {data.refusalsByReason.map((r) => (
                      <Table.Tr key={r.code}>
                        <Table.Th scope="row" fw={500}>{preflightCodeWords(r.code)}</Table.Th>
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
            {data.overrides.length === 0 ? (
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
                    {data.overrides.map((o) => (
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
            {data.overrideCount > data.overrides.length && (
              <Text size="xs" c="slate.7" mt={4}>
                The latest {data.overrides.length} of {data.overrideCount} overrides in this range.
              </Text>
            )}
          </>
        )}
      </ReportBody>
    </>
  );
}

import { Anchor, Group, Table, Text, Title } from '@mantine/core';
import { consentKindLabel } from '@skinledger/domain';
import { Link } from 'react-router';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { formatInstant } from '@web/lib/time/formatInstant';
import { useConsentCoverage } from '@web/features/reports/hooks/useReports';
import { reportCsvHref, reportQuery, type ReportFilters } from '@web/features/reports/reportFilters';
import { GroupBarChart } from './lazyCharts';
import { ReportBody } from './ReportBody';
import { ReportFigure } from './ReportFigure';
import { ReportPanelHeader } from './ReportPanelHeader';
import { ReportTableScroll } from './ReportTableScroll';
import { KeyFigure } from './KeyFigure';

const HISTORY_WORDS = { history_missing: 'No medical history', history_stale: 'Medical history out of date' } as const;

/**
 * Consent coverage (issue 17): next week's visits that are not ready, consents running out, and how consents were
 * signed in the range. It names the patients to contact (the API audits each read).
 */
export function ConsentCoveragePanel({ filters }: { filters: ReportFilters }) {
  const report = useConsentCoverage(filters);
  const csvHref = reportCsvHref('/api/reports/consents', reportQuery(filters));
  return (
    <>
      <ReportPanelHeader
        title="Consent coverage"
        description="Visits in the next 7 days still missing a consent or a current medical history, consents ending within 30 days, and where consents were signed in the range. It names the patients to contact: each look is kept in the audit log."
        csvHref={csvHref}
      />
      <ReportBody report={report} what="the consent coverage report">
        {(data) => (
          <>
            <Group gap="xl" mb="md" data-testid="consent-figures">
              <KeyFigure label="Visits in the next 7 days" value={String(data.upcomingAppointments)} />
              <KeyFigure label="Not ready" value={String(data.notReady.length)} />
              <KeyFigure label="Ending within 30 days" value={String(data.expiringSoon.length)} />
              <KeyFigure label="Signed in the range" value={String(data.signedInRange)} />
            </Group>
            <ReportFigure
              title="Consents signed in the range: at the kiosk or remotely"
              summary={`${data.signedInRange} signed: ${data.signedAtKiosk} at the clinic’s kiosk, ${data.signedRemotely} remotely through the booking link.`}
              height={150}
              figuresIn="written out above"
              chart={
                <GroupBarChart
                  data={[
                    { label: 'At the kiosk', signed: data.signedAtKiosk },
                    { label: 'Remotely', signed: data.signedRemotely },
                  ]}
                  labelKey="label"
                  series={[{ name: 'signed', label: 'Consents signed', color: 'clinic.6' }]}
                />
              }
            />

            <Title order={3} size="h4" mt="lg" mb="xs" id="not-ready-heading">
              Visits in the next 7 days not ready
            </Title>
            {data.notReady.length === 0 ? (
              <Text size="sm" c="slate.7">Every visit in the next 7 days has its consents and a current medical history.</Text>
            ) : (
              <ReportTableScroll label="Visits in the next 7 days not ready" minWidth={820}>
                <Table striped withTableBorder fz="sm" aria-labelledby="not-ready-heading" data-testid="not-ready-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Starts</Table.Th>
                      <Table.Th scope="col">Patient</Table.Th>
                      <Table.Th scope="col">Service</Table.Th>
                      <Table.Th scope="col">Practitioner</Table.Th>
                      <Table.Th scope="col">Missing</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.notReady.map((a) => (
                      <Table.Tr key={a.appointmentId}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(a.startsAt, a.timeZone)}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/patients/${a.patientId}`} size="sm">
                            {a.patientName}
                          </Anchor>{' '}
                          <Text span size="xs" c="slate.7" className="tabular">{a.mrn}</Text>
                        </Table.Td>
                        <Table.Td>{a.serviceName}</Table.Td>
                        <Table.Td>{a.practitionerName}</Table.Td>
                        <Table.Td>
                          {[...a.missingConsents.map((k) => `${consentKindLabel(k)} consent`), ...(a.historyIssue ? [HISTORY_WORDS[a.historyIssue]] : [])].join('; ')}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ReportTableScroll>
            )}

            <Title order={3} size="h4" mt="lg" mb="xs" id="expiring-consents-heading">
              Consents ending within 30 days
            </Title>
            {data.expiringSoon.length === 0 ? (
              <Text size="sm" c="slate.7">No valid consent ends in the next 30 days.</Text>
            ) : (
              <ReportTableScroll label="Consents ending within 30 days" minWidth={560}>
                <Table striped withTableBorder fz="sm" aria-labelledby="expiring-consents-heading" data-testid="expiring-consents-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Patient</Table.Th>
                      <Table.Th scope="col">Consent</Table.Th>
                      <Table.Th scope="col">Valid through</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.expiringSoon.map((c) => (
                      <Table.Tr key={c.consentId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/patients/${c.patientId}`} size="sm">
                            {c.patientName}
                          </Anchor>{' '}
                          <Text span size="xs" c="slate.7" className="tabular">{c.mrn}</Text>
                        </Table.Td>
                        <Table.Td>{consentKindLabel(c.kind)}</Table.Td>
                        <Table.Td>{formatCalendarDate(c.validThrough)}</Table.Td>
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

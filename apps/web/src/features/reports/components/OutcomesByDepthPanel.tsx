import { Alert, Badge, Group, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import {
  findOutcomeScale,
  isTreatmentIndication,
  MIN_PATIENTS_TO_COMPARE,
  OUTCOME_SCALES,
  TREATMENT_INDICATION_LABELS,
  TREATMENT_INDICATIONS,
  type OutcomeScaleCode,
} from '@skinledger/domain';
import { useOutcomesByDepth } from '@web/features/reports/hooks/useReports';
import type { ReportParam } from '@web/features/reports/hooks/useReportFilters';
import { reportCsvHref, reportQuery, type ReportFilters } from '@web/features/reports/reportFilters';
import { bandLabel, depthBandBars, formatChange, formatCount, outcomesSummary } from '@web/features/reports/reportNumbers';
import { DepthBandChart } from './lazyCharts';
import { ReportBody } from './ReportBody';
import { ReportFigure } from './ReportFigure';
import { ReportPanelHeader } from './ReportPanelHeader';
import { ReportTableScroll } from './ReportTableScroll';

const SCALE_OPTIONS = OUTCOME_SCALES.map((s) => ({ value: s.code, label: s.label }));
const INDICATION_OPTIONS = TREATMENT_INDICATIONS.map((i) => ({ value: i, label: TREATMENT_INDICATION_LABELS[i] }));
/** Acne scars are what most clinics compare first (the Goodman & Baron score, domain.md section 8). */
export const DEFAULT_SCALE: OutcomeScaleCode = 'goodman_baron_quantitative';

interface OutcomesByDepthPanelProps {
  filters: ReportFilters;
  scale: string;
  indication: string;
  onChange: (key: ReportParam, value: string) => void;
}

/** Outcomes by the deepest needle depth of each course (issue 17; bands from libs/domain depth-bands). */
export function OutcomesByDepthPanel({ filters, scale: scaleParam, indication: indicationParam, onChange }: OutcomesByDepthPanelProps) {
  const scale = findOutcomeScale(scaleParam) ?? findOutcomeScale(DEFAULT_SCALE);
  const scaleCode = scale?.code ?? DEFAULT_SCALE;
  const indication = isTreatmentIndication(indicationParam) ? indicationParam : null;
  const report = useOutcomesByDepth(filters, scaleCode, indication);
  const csvHref = reportCsvHref('/api/reports/outcomes-by-depth', reportQuery(filters, { scale: scaleCode, indication: indication ?? undefined }));
  const direction = scale?.lowerIsBetter
    ? `On this scale a lower score is better, so a falling score counts as improvement.`
    : `On this scale a higher score is better.`;

  return (
    <>
      <ReportPanelHeader
        title="Outcomes by needle depth"
        description="Each course is placed in the band of its deepest treated depth; change is its last score against its baseline."
        csvHref={csvHref}
        controls={
          <>
            <Select label="Scale" data={SCALE_OPTIONS} value={scaleCode} onChange={(v) => onChange('scale', v ?? '')} allowDeselect={false} w={280} comboboxProps={{ width: 340 }} />
            <Select
              label="Indication"
              placeholder="All indications"
              data={INDICATION_OPTIONS}
              value={indication}
              onChange={(v) => onChange('indication', v ?? '')}
              clearable
              w={200}
            />
          </>
        }
      />
      <ReportBody report={report} what="the outcomes report" skeletonHeight={320}>
        {(data) => (
          <>
            <ReportFigure
              title={`Improvement from baseline by deepest depth: ${data.scaleLabel}`}
              note={
                <>
                  Improvement shown as positive. {direction} Bars span the middle half of courses (25th to 75th percentile), the dark line is the median.
                  Bands with fewer than {MIN_PATIENTS_TO_COMPARE} patients are shown in grey: too few to compare.
                </>
              }
              summary={outcomesSummary(data)}
              height={300}
              chart={<DepthBandChart bars={depthBandBars(data.bands)} />}
            />
            {data.bands.every((b) => b.courses === 0) && (
              <Alert color="slate" mt="sm" title="No course to compare in this range">
                A course counts once it has a baseline and a later score on this scale.
              </Alert>
            )}
            <ReportTableScroll label="Outcomes by depth, table" minWidth={760} mt="md">
              <Table striped withTableBorder fz="sm" className="tabular" data-testid="outcomes-table" style={{ whiteSpace: 'nowrap' }}>
                <Table.Caption>
                  <VisuallyHidden>Outcomes by deepest depth on the {data.scaleLabel}, improvement shown as positive</VisuallyHidden>
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Deepest depth</Table.Th>
                    <Table.Th scope="col">Procedure</Table.Th>
                    <Table.Th scope="col" ta="right">Patients</Table.Th>
                    <Table.Th scope="col" ta="right">Courses</Table.Th>
                    <Table.Th scope="col" ta="right">Scores</Table.Th>
                    <Table.Th scope="col" ta="right">25th percentile</Table.Th>
                    <Table.Th scope="col" ta="right">Median</Table.Th>
                    <Table.Th scope="col" ta="right">75th percentile</Table.Th>
                    <Table.Th scope="col">Compare</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.bands.map((b) => (
                    <Table.Tr key={b.band}>
                      <Table.Th scope="row" fw={500}>{bandLabel(b.band)}</Table.Th>
                      <Table.Td>{b.procedureKind === 'medical' ? 'Medical' : 'Cosmetic'}</Table.Td>
                      <Table.Td ta="right">{formatCount(b.patients)}</Table.Td>
                      <Table.Td ta="right">{formatCount(b.courses)}</Table.Td>
                      <Table.Td ta="right">{formatCount(b.assessments)}</Table.Td>
                      <Table.Td ta="right">{formatChange(b.p25ChangePercent)}</Table.Td>
                      <Table.Td ta="right" fw={600}>{formatChange(b.medianChangePercent)}</Table.Td>
                      <Table.Td ta="right">{formatChange(b.p75ChangePercent)}</Table.Td>
                      <Table.Td>
                        {b.tooFewToCompare ? (
                          <Badge color="slate" variant="light" size="md" tt="none" fw={500}>Too few to compare</Badge>
                        ) : (
                          <Text span size="sm">Comparable</Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ReportTableScroll>
            <Group mt={6}>
              <Text size="xs" c="slate.7">
                Change is the percent change of the last score of a course against its baseline, turned so that improvement is positive.
              </Text>
            </Group>
          </>
        )}
      </ReportBody>
    </>
  );
}

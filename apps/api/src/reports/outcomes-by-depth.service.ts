import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEPTH_BANDS, depthBandOf, findOutcomeScale, improvementPercent, quantile, tooFewToCompare, type CsvCellValue } from '@skinledger/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { InvalidFieldError } from '../common/problems/domain-error';
import type { DepthBandOutcomeDto, OutcomesByDepthQueryDto, OutcomesByDepthReportDto } from './outcomes-by-depth.dto';
import { courseOutcomes } from './outcomes-by-depth.queries';
import type { ReportCsv } from './report-csv';
import { reportRange } from './report-range';

/**
 * Outcomes by needle depth (issue 17): for one outcome scale, each course's improvement from its baseline (last score
 * against the first, turned so that improvement is positive), grouped by the course's deepest treated depth in the
 * bands of libs/domain. What the article compares (0.2–0.3 mm cosmetic against 0.5–2 mm medical), for the clinic's own
 * patients. Aggregates only: no patient is named, so reading it is not a disclosure to audit.
 */
@Injectable()
export class OutcomesByDepthService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(actor: Actor, query: OutcomesByDepthQueryDto): Promise<OutcomesByDepthReportDto> {
    const { from, to } = reportRange(query);
    const scale = findOutcomeScale(query.scale);
    // The DTO admits only known scale codes; this guards a caller that skipped it.
    if (!scale) throw new InvalidFieldError('scale', 'is not a known outcome scale');
    const { groups, patientDepthSets } = await courseOutcomes(this.dataSource.manager, {
      organizationId: actor.organizationId,
      scale: scale.code,
      from,
      to,
      locationId: query.locationId ?? null,
      practitionerId: query.practitionerId ?? null,
      indication: query.indication ?? null,
    });
    const bands = DEPTH_BANDS.map((band) => {
      const inBand = groups.filter((g) => depthBandOf(g.deepestMm)?.band === band.band);
      const changes: number[] = [];
      for (const g of inBand) {
        const change = improvementPercent(scale, g.baseline, g.lastScore);
        if (change !== null) for (let i = 0; i < g.courses; i++) changes.push(change);
      }
      // A patient counts once in a band, however many of her courses reached it.
      const patients = patientDepthSets
        .filter((s) => s.depthsMm.some((mm) => depthBandOf(mm)?.band === band.band))
        .reduce((sum, s) => sum + s.patients, 0);
      const row: DepthBandOutcomeDto = {
        band: band.band,
        minMm: band.minMm,
        maxMm: band.maxMm,
        procedureKind: band.procedureKind,
        patients,
        courses: inBand.reduce((sum, g) => sum + g.courses, 0),
        assessments: inBand.reduce((sum, g) => sum + g.assessments, 0),
        medianChangePercent: quantile(changes, 0.5),
        p25ChangePercent: quantile(changes, 0.25),
        p75ChangePercent: quantile(changes, 0.75),
        tooFewToCompare: tooFewToCompare(patients),
      };
      return row;
    });
    return { scale: scale.code, scaleLabel: scale.label, lowerIsBetter: scale.lowerIsBetter, from, to, indication: query.indication ?? null, bands };
  }

  async csv(actor: Actor, query: OutcomesByDepthQueryDto): Promise<ReportCsv> {
    const report = await this.report(actor, query);
    const header = ['Depth band (mm)', 'Min mm', 'Max mm', 'Kind', 'Patients', 'Courses', 'Assessments', 'Median improvement %', '25th percentile %', '75th percentile %', 'Too few to compare'];
    const rows: CsvCellValue[][] = report.bands.map((b) => [
      b.band,
      b.minMm,
      b.maxMm,
      b.procedureKind,
      b.patients,
      b.courses,
      b.assessments,
      b.medianChangePercent,
      b.p25ChangePercent,
      b.p75ChangePercent,
      b.tooFewToCompare ? 'yes' : 'no',
    ]);
    const indication = report.indication ? `_${report.indication}` : '';
    return { fileName: `outcomes-by-depth_${report.scale}${indication}_${report.from}_${report.to}.csv`, header, rows };
  }
}

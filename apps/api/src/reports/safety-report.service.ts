import { Injectable } from '@nestjs/common';
import { ADVERSE_EVENT_TYPE_INFO, DEPTH_BANDS, depthBandOf, per100Sessions, preflightCodeWords, type AdverseEventType, type CsvCellValue } from '@skinledger/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/access/actor';
import type { ReportCsv } from './report-csv';
import { reportRange } from './report-range';
import type { AdverseEventRateDto, SafetyReportDto, SafetyReportQueryDto } from './safety-report.dto';
import { overridesAndRefusals, safetyFacts } from './safety-report.queries';

/** An adverse event type in the clinic's words (libs/domain's labels); a type this build does not know, as stored. */
const typeLabel = (type: string): string =>
  Object.prototype.hasOwnProperty.call(ADVERSE_EVENT_TYPE_INFO, type) ? ADVERSE_EVENT_TYPE_INFO[type as AdverseEventType].label : type;

/** The overrides list keeps the latest this many; the count says how many there were. */
const OVERRIDE_LIST_LIMIT = 500;

/**
 * Safety signals (issue 17): adverse events per 100 signed sessions by type, depth band, lot and pen (domain.md
 * section 7); the session starts the preflight refused, by reason; and the overrides practitioners made, with who and
 * why. Names practitioners and pens, never patients.
 */
@Injectable()
export class SafetyReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(actor: Actor, query: SafetyReportQueryDto): Promise<SafetyReportDto> {
    const { from, to } = reportRange(query);
    const filters = { organizationId: actor.organizationId, from, to, locationId: query.locationId ?? null, practitionerId: query.practitionerId ?? null };
    const facts = await safetyFacts(this.dataSource.manager, filters);
    const other = await overridesAndRefusals(this.dataSource.manager, filters, OVERRIDE_LIST_LIMIT);
    const rate = ([key, label, sessions, adverseEvents]: [string, string, number, number]): AdverseEventRateDto => ({
      key,
      label,
      sessions,
      adverseEvents,
      per100Sessions: per100Sessions(adverseEvents, sessions),
    });
    const byDepthBand = DEPTH_BANDS.map((band) => {
      const rows = (facts.by_depth ?? []).filter(([depth]) => depthBandOf(Number(depth))?.band === band.band);
      const sessions = rows.reduce((sum, r) => sum + r[2], 0);
      const events = rows.reduce((sum, r) => sum + r[3], 0);
      return rate([band.band, `${band.band} mm`, sessions, events]);
    });
    return {
      from,
      to,
      sessions: facts.sessions,
      adverseEvents: facts.adverse_events,
      adverseEventsPer100Sessions: per100Sessions(facts.adverse_events, facts.sessions),
      byType: (facts.by_type ?? []).map(([type, , sessions, events]) => rate([type, typeLabel(type), sessions, events])),
      byDepthBand,
      byLot: (facts.by_lot ?? []).map(rate),
      byDevice: (facts.by_device ?? []).map(rate),
      preflightRefusals: other.refusals,
      refusalsByReason: (other.refusals_by_reason ?? []).map(([code, refusals]) => ({ code, refusals })),
      overrideCount: other.override_count,
      overrides: (other.overrides ?? []).map(([kind, sessionId, performedOn, practitionerName, subject, depthMm, reason]) => ({
        kind,
        sessionId,
        performedOn,
        practitionerName,
        subject,
        depthMm: depthMm === null ? null : Number(depthMm),
        reason,
      })),
    };
  }

  /** One spreadsheet: a section column says which table a row belongs to. */
  async csv(actor: Actor, query: SafetyReportQueryDto): Promise<ReportCsv> {
    const r = await this.report(actor, query);
    const header = ['Section', 'Key', 'Label', 'Sessions', 'Adverse events', 'Per 100 sessions', 'Practitioner', 'Date', 'Reason'];
    const rows: CsvCellValue[][] = [
      ['All sessions', '', '', r.sessions, r.adverseEvents, r.adverseEventsPer100Sessions, '', '', ''],
      ...r.byType.map((x) => ['By type', x.key, x.label, x.sessions, x.adverseEvents, x.per100Sessions, '', '', '']),
      ...r.byDepthBand.map((x) => ['By depth band', x.key, x.label, x.sessions, x.adverseEvents, x.per100Sessions, '', '', '']),
      ...r.byLot.map((x) => ['By lot', x.key, x.label, x.sessions, x.adverseEvents, x.per100Sessions, '', '', '']),
      ...r.byDevice.map((x) => ['By pen', x.key, x.label, x.sessions, x.adverseEvents, x.per100Sessions, '', '', '']),
      ...r.refusalsByReason.map((x) => ['Preflight refusals', x.code, preflightCodeWords(x.code), '', x.refusals, '', '', '', '']),
      ...r.overrides.map((o) => [`Override: ${o.kind}`, o.sessionId, o.depthMm === null ? o.subject : `${o.subject} at ${o.depthMm} mm`, '', '', '', o.practitionerName, o.performedOn, o.reason]),
    ];
    return { fileName: `safety_${r.from}_${r.to}.csv`, header, rows };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  consentsNeededAt,
  consentStatus,
  consentValidThrough,
  instantToLocal,
  isoDateInTimeZone,
  requiredConsentKinds,
  serviceNeedling,
  type CsvCellValue,
} from '@skinledger/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConsentStatusService } from '../consents/consent-status.service';
import { clinicTimeZone } from '../organizations/clinic-calendar';
import { EligibilityService } from '../patients/eligibility.service';
import type { ConsentCoverageDto, ConsentCoverageQueryDto, ExpiringConsentDto, UnreadyAppointmentDto } from './consent-coverage.dto';
import { consentCoverageFacts, type UpcomingAppointmentFacts } from './consent-coverage.queries';
import type { ReportCsv } from './report-csv';
import { reportRange } from './report-range';

/** The report's look-ahead windows (issue 17). */
export const UPCOMING_DAYS = 7;
export const EXPIRING_DAYS = 30;

/**
 * Consent coverage (issue 17): the appointments of the next week that are not ready (a required consent missing at
 * the start, or no current medical history), judged by the same code as check-in (consents' ConsentStatusService,
 * patients' EligibilityService over the published screening facts); the consents running out in the next month; and
 * how consents were signed in the range, at the kiosk or remotely. It names patients (who to call), so reading it is
 * audited like the exposure list.
 */
@Injectable()
export class ConsentCoverageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consents: ConsentStatusService,
    private readonly eligibility: EligibilityService,
    private readonly audit: AuditService,
  ) {}

  async report(actor: Actor, query: ConsentCoverageQueryDto): Promise<ConsentCoverageDto> {
    const { from, to } = reportRange(query);
    const manager = this.dataSource.manager;
    const facts = await consentCoverageFacts(manager, {
      organizationId: actor.organizationId,
      from,
      to,
      locationId: query.locationId ?? null,
      practitionerId: query.practitionerId ?? null,
      upcomingDays: UPCOMING_DAYS,
      expiringDays: EXPIRING_DAYS,
    });
    const now = new Date(facts.as_of);
    const upcoming = facts.upcoming ?? [];
    const notReady: UnreadyAppointmentDto[] = [];
    for (const a of upcoming) {
      const verdict = await this.readiness(actor, a, now);
      if (verdict.missingConsents.length > 0 || verdict.historyIssue) notReady.push(verdict);
    }
    const horizon = addDays(isoDateInTimeZone(now, await clinicTimeZone(manager, actor)), EXPIRING_DAYS);
    const expiringSoon: ExpiringConsentDto[] = (facts.expiring ?? [])
      .filter((c) => consentStatus({ ...c, signedAt: new Date(c.signedAt), revokedAt: null }, now) === 'valid')
      .map((c) => ({ consentId: c.id, kind: c.kind, patientId: c.patientId, patientName: c.patientName, mrn: c.mrn, validThrough: consentValidThrough(new Date(c.signedAt), c.validDays, c.timeZone) }))
      .filter((c) => c.validThrough <= horizon)
      .sort((a, b) => a.validThrough.localeCompare(b.validThrough) || a.patientName.localeCompare(b.patientName));
    const [signedInRange, signedRemotely] = facts.signed.map(Number);
    const report: ConsentCoverageDto = {
      from,
      to,
      asOf: now.toISOString(),
      upcomingAppointments: upcoming.length,
      notReady,
      expiringSoon,
      signedInRange,
      signedAtKiosk: signedInRange - signedRemotely,
      signedRemotely,
    };
    await this.audit.record(manager, actor, {
      action: 'reports.consent_coverage_listed',
      entityType: 'organization',
      entityId: actor.organizationId,
      changes: { notReady: { to: notReady.length }, expiringSoon: { to: expiringSoon.length } },
    });
    return report;
  }

  /** What check-in will say of the visit: the consents missing at its start and whether the history is current. */
  private async readiness(actor: Actor, a: UpcomingAppointmentFacts, now: Date): Promise<UnreadyAppointmentDto> {
    const startsAt = new Date(a.starts_at);
    const needling = serviceNeedling(a.procedure_kind);
    const kinds = requiredConsentKinds({ procedure: needling, serviceConsentKinds: a.consent_kinds });
    const missingConsents = this.consents.missingAmong(a.signed_consents, kinds, consentsNeededAt(startsAt, now));
    let historyIssue: UnreadyAppointmentDto['historyIssue'] = null;
    if (needling) {
      const verdict = await this.eligibility.judge(this.dataSource.manager, actor, a.patient_id, a.screening, needling, instantToLocal(startsAt, a.timezone).date);
      const codes = new Set([...verdict.blockers, ...verdict.warnings].map((f) => f.code));
      historyIssue = codes.has('history_missing') ? 'history_missing' : codes.has('history_stale') ? 'history_stale' : null;
    }
    return {
      appointmentId: a.id,
      startsAt: startsAt.toISOString(),
      timeZone: a.timezone,
      serviceName: a.service_name,
      practitionerName: a.practitioner_name ?? 'Unknown',
      patientId: a.patient_id,
      patientName: a.patient_name,
      mrn: a.mrn,
      missingConsents,
      historyIssue,
    };
  }

  async csv(actor: Actor, query: ConsentCoverageQueryDto): Promise<ReportCsv> {
    const r = await this.report(actor, query);
    const header = ['Section', 'Patient', 'MRN', 'When', 'Service', 'Practitioner', 'Missing consents', 'History', 'Consent', 'Valid through'];
    const rows: CsvCellValue[][] = [
      ...r.notReady.map((a) => ['Not ready (next 7 days)', a.patientName, a.mrn, a.startsAt, a.serviceName, a.practitionerName, a.missingConsents.join(' '), a.historyIssue ?? '', '', '']),
      ...r.expiringSoon.map((c) => ['Expiring (next 30 days)', c.patientName, c.mrn, '', '', '', '', '', c.kind, c.validThrough]),
    ];
    return { fileName: `consent-coverage_${r.asOf.slice(0, 10)}.csv`, header, rows };
  }
}

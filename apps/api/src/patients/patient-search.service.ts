import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { AuditService } from '../audit/audit.service';
import type { PatientPageDto, PatientSearchQueryDto, PatientSummaryDto, PatientTagCountDto } from './patient.dto';
import { parseSearchTerm, termKinds } from './patient-search-terms';
import { countPatients, listPage, searchPage, searchStatement, setSimilarityThresholds, tagCounts, type SearchRow } from './patient-search.queries';

/**
 * Patient search: one query over the organization's patients that ORs an indexed condition per kind of term
 * (patient-search.queries.ts) and ranks exact identifiers first, then names by similarity. The total comes from the
 * same scan (a window count), so the matches are read once. Every search is audited by its shape.
 */
@Injectable()
export class PatientSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async search(actor: Actor, query: PatientSearchQueryDto): Promise<PatientPageDto> {
    const q = query.q ?? '';
    const paging = { page: query.page, pageSize: query.pageSize };
    if (!q) {
      const page = await this.list(actor, query);
      // The plain list reads page and count on two connections at once, so its event has a transaction of its own,
      // committed before the page is answered.
      await this.dataSource.transaction((manager) => this.recordSearch(manager, actor, query, [], page.items, page.total));
      return { ...page, ...paging };
    }
    const terms = parseSearchTerm(q);
    const statement = searchStatement(actor.organizationId, terms, query);
    if (!statement) {
      await this.dataSource.transaction((manager) => this.recordSearch(manager, actor, query, [], [], 0));
      return { items: [], total: 0, ...paging };
    }

    return this.dataSource.transaction(async (manager) => {
      await setSimilarityThresholds(manager);
      const rows = await searchPage(manager, statement, query.pageSize, (query.page - 1) * query.pageSize);
      // Past the last page there is no row to carry the window count: take it from the first match.
      const counted = rows.length > 0 || query.page === 1 ? rows : await searchPage(manager, statement, 1, 0);
      const items = rows.map(toSummary);
      const total = counted.length > 0 ? Number(counted[0].total) : 0;
      await this.recordSearch(manager, actor, query, termKinds(terms), items, total);
      return { items, total, ...paging };
    });
  }

  /**
   * Audits a search by its shape, never the term: which kinds of term it was read as, its length, the filters, how
   * many matched and which patients were shown (so each one's access log lists the search).
   */
  private async recordSearch(
    manager: EntityManager,
    actor: Actor,
    query: PatientSearchQueryDto,
    kinds: string[],
    items: PatientSummaryDto[],
    total: number,
  ): Promise<void> {
    await this.audit.record(manager, actor, {
      action: 'patients.searched',
      entityType: 'patient_search',
      changes: {
        termKinds: { to: kinds },
        termLength: { to: (query.q ?? '').length },
        tagFilter: { to: query.tag !== undefined },
        includeArchived: { to: query.includeArchived === true },
        page: { to: query.page },
        resultCount: { to: items.length },
        total: { to: total },
        patientIds: { to: items.map((p) => p.id) },
      },
    });
  }

  /** The tags in use on the organization's current patients, most used first (for the list's filter). */
  async tags(actor: Actor): Promise<PatientTagCountDto[]> {
    return tagCounts(this.dataSource.manager, actor.organizationId);
  }

  /** Every patient by last and first name, a page at a time. */
  private async list(actor: Actor, query: PatientSearchQueryDto): Promise<{ items: PatientSummaryDto[]; total: number }> {
    const manager = this.dataSource.manager;
    // The page and the count on two connections at once.
    const [rows, total] = await Promise.all([
      listPage(manager, actor.organizationId, query, query.pageSize, (query.page - 1) * query.pageSize),
      countPatients(manager, actor.organizationId, query),
    ]);
    return { items: rows.map(toSummary), total };
  }
}

function toSummary(r: SearchRow): PatientSummaryDto {
  return {
    id: r.id,
    mrn: r.mrn,
    firstName: r.first_name,
    lastName: r.last_name,
    preferredName: r.preferred_name,
    dateOfBirth: r.date_of_birth,
    phone: r.phone,
    email: r.email,
    tags: r.tags,
    allergies: r.allergies,
    archived: r.archived,
  };
}

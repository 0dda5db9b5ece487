import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { cappedCount } from '../common/pagination/capped-count';
import { decodeKeysetCursor } from '../common/pagination/keyset-cursor';
import { keysetPage } from '../common/pagination/keyset-page';
import { AuditService } from '../audit/audit.service';
import type { PatientPageDto, PatientSearchQueryDto, PatientSummaryDto, PatientTagCountDto } from './patient.dto';
import { parseSearchTerm, termKinds } from './patient-search-terms';
import {
  BROWSE_KEY_SHAPE,
  browseRows,
  SEARCH_KEY_SHAPE,
  searchRows,
  searchStatement,
  tagCounts,
  type BrowseKey,
  type SearchKey,
  type SearchRow,
} from './patient-search.queries';

/**
 * The patient list and patient search, a keyset page at a time: one SQL statement for the page (and, without a term,
 * the capped count), then the audit event, in the request's transaction (patient-search.queries.ts).
 * Every search is audited by its shape.
 */
@Injectable()
export class PatientSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async search(actor: Actor, query: PatientSearchQueryDto): Promise<PatientPageDto> {
    const q = query.q ?? '';
    // The cursor's shape tells a list cursor from a search cursor; either is refused on the other (400 on `after`).
    if (!q) {
      const after = decodeKeysetCursor(query.after, BROWSE_KEY_SHAPE) as BrowseKey | null;
      const rows = await browseRows(this.dataSource.manager, actor.organizationId, query, after, query.pageSize + 1);
      const counted = rows[0]?.counted ?? 0;
      const found = rows.filter((row) => row.id !== null);
      const page = keysetPage(found, query.pageSize, (r): BrowseKey => [r.last_name, r.first_name, r.id], toSummary);
      await this.recordSearch(actor, query, [], page.items, page.hasMore);
      return { ...page, total: cappedCount(counted) };
    }
    const after = decodeKeysetCursor(query.after, SEARCH_KEY_SHAPE) as SearchKey | null;
    const terms = parseSearchTerm(q);
    const statement = searchStatement(actor.organizationId, terms, query, after, query.pageSize + 1);
    const rows = statement ? await searchRows(this.dataSource.manager, statement) : [];
    const page = keysetPage(rows, query.pageSize, (r): SearchKey => [r.match_group, r.distance, r.sort_text, r.sort_text2, r.id], toSummary);
    await this.recordSearch(actor, query, termKinds(terms), page.items, page.hasMore);
    return page;
  }

  /**
   * Audits a search by its shape, never the term: which kinds of term it was read as, its length, the filters, which
   * page, and which patients were shown (so each one's access log lists the search).
   */
  private async recordSearch(actor: Actor, query: PatientSearchQueryDto, kinds: string[], items: PatientSummaryDto[], hasMore: boolean): Promise<void> {
    await this.audit.record(this.dataSource.manager, actor, {
      action: 'patients.searched',
      entityType: 'patient_search',
      changes: {
        termKinds: { to: kinds },
        termLength: { to: (query.q ?? '').length },
        tagFilter: { to: query.tag !== undefined },
        includeArchived: { to: query.includeArchived === true },
        firstPage: { to: query.after === undefined || query.after === '' },
        resultCount: { to: items.length },
        hasMore: { to: hasMore },
        patientIds: { to: items.map((p) => p.id) },
      },
    });
  }

  /** The tags in use on the organization's current patients, most used first (for the list's filter). */
  async tags(actor: Actor): Promise<PatientTagCountDto[]> {
    return tagCounts(this.dataSource.manager, actor.organizationId);
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

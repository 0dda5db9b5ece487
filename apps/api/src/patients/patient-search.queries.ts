import type { EntityManager } from 'typeorm';
import { COUNT_CAP } from '../common/pagination/capped-count';
import type { KeysetPart } from '../common/pagination/keyset-cursor';
import type { PatientAllergy } from './patient.entity';
import { nameWords, type SearchTerms } from './patient-search-terms';

/**
 * Patient search and the plain list, each ONE statement that reads about one page of index entries whatever the
 * number of matches (keyset pages, nearest-first index scans, no count of the matches).
 *
 * A search answers groups of matches, best first, each read from its own index in the order the page needs:
 *   0. the exact MRN;  1. the exact e-mail or phone digits;  2. phones ending in the digits typed;
 *   3. e-mails starting with the term (by e-mail);  4. names, nearest whole name first (trigram distance `<->` on the
 *      GiST index, so `ORDER BY … LIMIT` stops after a page).
 * A name matches when every word typed is close to some word of "first last preferred" (`<%`: a surname, a first
 * name, the start of one, a typo) or, for a term of several words, when the whole term is close to the whole name
 * (`%`: a typo anywhere in a full name). Both thresholds are 0.5, set for the database and the app role by migration
 * 1796569620000 (the index scan applies them), so a search is one statement without a `set_config` before it.
 */

export interface SearchRow {
  id: string;
  mrn: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  date_of_birth: string;
  phone: string | null;
  email: string | null;
  tags: string[];
  allergies: PatientAllergy[];
  archived: boolean;
}

/** A search row with its place in the order: the group, the name distance (0 outside names), the e-mail for group 3. */
export interface RankedSearchRow extends SearchRow {
  match_group: number;
  distance: number;
  sort_text: string;
}

/** A list row with the capped count of the whole list (null columns when the page is past the end). */
export interface BrowseRow extends SearchRow {
  counted: number;
}

export interface PatientFilters {
  tag?: string;
  includeArchived?: boolean;
}

/** Search order: group, name distance, e-mail (group 3), id. */
export type SearchKey = [group: number, distance: number, sortText: string, id: string];
export const SEARCH_KEY_SHAPE: readonly KeysetPart[] = ['number', 'number', 'text', 'uuid'];
/** List order: last name, first name, id. */
export type BrowseKey = [lastName: string, firstName: string, id: string];
export const BROWSE_KEY_SHAPE: readonly KeysetPart[] = ['text', 'text', 'uuid'];

const SUMMARY_COLUMNS = `p.id, p.mrn, p.first_name, p.last_name, p.preferred_name, p.date_of_birth::text AS date_of_birth,
  p.phone, p.email, p.tags, p.allergies, p.archived_at IS NOT NULL AS archived`;

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function filterSql(params: Params, filters: PatientFilters): string {
  return `${filters.includeArchived ? '' : 'AND p.archived_at IS NULL'} ${filters.tag ? `AND p.tags @> ARRAY[${params.add(filters.tag)}]::text[]` : ''}`;
}

/**
 * The search as one statement reading at most `limit` rows per group, from the group the cursor is in; null when the
 * term gives no condition at all. Rows come best first; the caller cuts the page (keysetPage).
 */
export function searchStatement(
  organizationId: string,
  terms: SearchTerms,
  filters: PatientFilters,
  after: SearchKey | null,
  limit: number,
): { sql: string; params: unknown[] } | null {
  const params = new Params();
  /** A parameter added on first use only: a branch left out (before the cursor) must not leave one unused. */
  const lazy = (value: unknown) => {
    let placeholder: string | undefined;
    return () => (placeholder ??= params.add(value));
  };
  const base = lazy(organizationId);
  const limitOf = lazy(limit);
  let filter: string | undefined;
  const afterGroup = after ? after[0] : -1;
  const branches: string[] = [];
  /** A group's rows past the cursor: all when the cursor is in an earlier group, none when in a later one. */
  const branch = (group: number, where: () => string, order: 'id' | 'email' | 'distance', distanceOf: () => string = () => '0::real') => {
    if (group < afterGroup) return;
    filter ??= filterSql(params, filters);
    const distance = distanceOf();
    let seek = '';
    if (after && group === afterGroup) {
      const id = params.add(after[3]);
      if (order === 'id') seek = `AND p.id > ${id}::uuid`;
      if (order === 'email') seek = `AND (p.email COLLATE "C", p.id) > (${params.add(after[2])} COLLATE "C", ${id}::uuid)`;
      // The distance as the index computes it (real): the cursor carries it exactly as PostgreSQL printed it.
      if (order === 'distance') seek = `AND (${distance}, p.id) > (${params.add(after[1])}::real, ${id}::uuid)`;
    }
    const orderBy = { id: 'p.id', email: 'p.email COLLATE "C", p.id', distance: `${distance}, p.id` }[order];
    branches.push(`(SELECT ${SUMMARY_COLUMNS}, ${group} AS match_group, ${distance} AS distance,
        ${order === 'email' ? 'p.email' : `''::text`} AS sort_text
      FROM patients p WHERE p.organization_id = ${base()} ${filter} AND ${where()} ${seek}
      ORDER BY ${orderBy} LIMIT ${limitOf()})`);
  };

  const mrn = terms.mrn ? lazy(terms.mrn) : null;
  const notMrn = () => (mrn ? `AND p.mrn <> ${mrn()}` : '');
  if (mrn) branch(0, () => `p.mrn = ${mrn()}`, 'id');

  const email = terms.email && terms.emailPrefixPattern ? { exact: lazy(terms.email), prefix: lazy(terms.emailPrefixPattern) } : null;
  const phone = terms.phoneDigits && terms.phoneSuffixPattern ? { exact: lazy(terms.phoneDigits), suffix: lazy(terms.phoneSuffixPattern) } : null;
  const phoneEnds = () => (phone ? `reverse(p.phone_digits) LIKE ${phone.suffix()}` : '');
  if (email || phone) {
    branch(1, () => `(${[email && `p.email = ${email.exact()}`, phone && `(${phoneEnds()} AND p.phone_digits = ${phone.exact()} ${notMrn()})`].filter(Boolean).join(' OR ')})`, 'id');
  }
  if (phone) branch(2, () => `${phoneEnds()} AND p.phone_digits <> ${phone.exact()} ${notMrn()}`, 'id');
  // C collation: the index order, and LIKE 'start%' reads a range of it.
  const emailStarts = () => (email ? `p.email COLLATE "C" LIKE ${email.prefix()}` : '');
  if (email) branch(3, () => `${emailStarts()} AND p.email <> ${email.exact()}`, 'email');

  if (terms.name) {
    const words = nameWords(terms.name);
    const nameOf = lazy(terms.name);
    const wordsOf = words.map((word) => lazy(word));
    const distance = () => `(p.search_name <-> patient_search_text(${nameOf()}))`;
    const everyWord = () => wordsOf.map((word) => `patient_search_text(${word()}) <% p.search_name`).join(' AND ');
    // Patients an e-mail start already listed are not listed again among names.
    const notListed = () => (email ? `AND (p.email IS NULL OR NOT ${emailStarts()})` : '');
    branch(4, () => `${everyWord()} ${notListed()}`, 'distance', distance);
    // A typo anywhere in a full name; its own nearest-first scan, merged by distance with the word matches.
    if (words.length > 1) branch(4, () => `patient_search_text(${nameOf()}) % p.search_name AND NOT (${everyWord()}) ${notListed()}`, 'distance', distance);
  }
  if (branches.length === 0) return null;
  return {
    params: params.values,
    sql: `SELECT * FROM (${branches.join(' UNION ALL ')}) m ORDER BY match_group, distance, sort_text COLLATE "C", id LIMIT ${limitOf()}`,
  };
}

export async function searchRows(manager: EntityManager, statement: { sql: string; params: unknown[] }): Promise<RankedSearchRow[]> {
  return manager.query(statement.sql, statement.params);
}

/**
 * Every patient by last and first name, `limit` rows from the cursor on, with the count of the whole list capped at
 * COUNT_CAP + 1 (an index-only scan of at most that many entries) in the same statement. Past the end the one row
 * carries only the count.
 */
export async function browseRows(manager: EntityManager, organizationId: string, filters: PatientFilters, after: BrowseKey | null, limit: number): Promise<BrowseRow[]> {
  const params = new Params();
  const org = params.add(organizationId);
  const filter = filterSql(params, filters);
  const seek = after ? `AND (p.last_name, p.first_name, p.id) > (${params.add(after[0])}, ${params.add(after[1])}, ${params.add(after[2])}::uuid)` : '';
  return manager.query(
    `SELECT c.counted, page.*
       FROM (SELECT count(*)::int AS counted FROM (SELECT 1 FROM patients p WHERE p.organization_id = ${org} ${filter} LIMIT ${COUNT_CAP + 1}) capped) c
       LEFT JOIN (SELECT ${SUMMARY_COLUMNS} FROM patients p WHERE p.organization_id = ${org} ${filter} ${seek}
                   ORDER BY p.last_name, p.first_name, p.id LIMIT ${params.add(limit)}) page ON true
      ORDER BY page.last_name, page.first_name, page.id`,
    params.values,
  );
}

/** The tags in use on the organization's current patients, most used first (at most 200). */
export async function tagCounts(manager: EntityManager, organizationId: string): Promise<{ tag: string; patients: number }[]> {
  return manager.query(
    `SELECT tag, count(*)::int AS patients
       FROM patients p, unnest(p.tags) AS tag
      WHERE p.organization_id = $1 AND p.archived_at IS NULL
      GROUP BY tag ORDER BY count(*) DESC, tag
      LIMIT 200`,
    [organizationId],
  );
}

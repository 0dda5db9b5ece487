import type { EntityManager } from 'typeorm';
import { COUNT_CAP } from '../common/pagination/capped-count';
import type { KeysetPart } from '../common/pagination/keyset-cursor';
import type { PatientAllergy } from './patient.entity';
import { nameWords, type SearchTerms } from './patient-search-terms';

/**
 * Patient search and the plain list, each ONE statement that reads about a page of index entries whatever the number
 * of matches (keyset pages, no count of the matches, no OFFSET).
 *
 * A search answers groups of matches, best first, each read from an index in the order the page needs:
 *   0. the exact MRN;  1. the exact e-mail or phone digits;  2. phones ending in the digits typed (few: at least 4
 *      digits);  3. e-mails starting with the term (by e-mail, a range of a C-collated index);
 *   4. names whose surname starts with the word typed (by surname, first name: a range of a btree), or for several
 *      words, names whose surname starts with one word and first name with the others;
 *   5. (one word) names whose first name starts with it (by first name, surname);
 *   6. only when 0-5 do not fill the page: names close to the term, nearest first (pg_trgm: every word typed close to
 *      some word of "first last preferred" (`<%`, a typo in a word), or for several words the whole term close to the
 *      whole name (`%`, a typo anywhere)). Both thresholds are 0.5, set for the database and the app role (migration
 *      1796569620000), so a search needs no `set_config` before it. The candidates come from the SECURITY DEFINER
 *      function patient_close_names (migrations 1796569690000, 1796569720000), the one way to read a trigram index under
 *      RLS: it compares the term with the clinic's distinct names (patient_search_names, trigram-indexed), then reads the
 *      closest names' patients until the page is full.
 * Groups 0-5 are read first (a materialized CTE, each group limited to a page); group 6 runs only if they leave room.
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

/** A search row with its place in the order: the group, the name distance (group 6), the texts it is sorted by. */
export interface RankedSearchRow extends SearchRow {
  match_group: number;
  distance: number;
  sort_text: string;
  sort_text2: string;
}

/** A list row with the capped count of the whole list (null columns when the page is past the end). */
export interface BrowseRow extends SearchRow {
  counted: number;
}

export interface PatientFilters {
  tag?: string;
  includeArchived?: boolean;
}

/** Search order: group, name distance (group 6), two texts (e-mail; surname and first name, folded), id. */
export type SearchKey = [group: number, distance: number, sortText: string, sortText2: string, id: string];
export const SEARCH_KEY_SHAPE: readonly KeysetPart[] = ['number', 'number', 'text', 'text', 'uuid'];
/** List order: last name, first name, id. */
export type BrowseKey = [lastName: string, firstName: string, id: string];
export const BROWSE_KEY_SHAPE: readonly KeysetPart[] = ['text', 'text', 'uuid'];

/** Folded name parts (generated columns in C order, indexed by migration 1796569620000). */
const LAST = 'p.last_name_folded';
const FIRST = 'p.first_name_folded';
/** The last code point: every string starting with `s` sorts (C order) from `s` up to before `s || MAX_CHAR`. */
const MAX_CHAR = '\u{10FFFF}';

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
  // A merged record is archived too; it stays out even with includeArchived (the record it went into stands for it).
  return `${filters.includeArchived ? 'AND p.merged_into_patient_id IS NULL' : 'AND p.archived_at IS NULL'} ${filters.tag ? `AND p.tags @> ARRAY[${params.add(filters.tag)}]::text[]` : ''}`;
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
  /** A parameter added on first use only: a group left out (before the cursor) must not leave one unused. */
  const lazy = (value: unknown) => {
    let placeholder: string | undefined;
    return () => (placeholder ??= params.add(value));
  };
  const org = lazy(organizationId);
  const maxChar = lazy(MAX_CHAR);
  /**
   * `column` starts with `start` (an SQL text expression of parameters), as a range: LIKE 'start%' is not leakproof,
   * so under row-level security it could not be an index condition.
   */
  const startsWith = (column: string, start: string) => `(${column} >= ${start} AND ${column} < ${start} || ${maxChar()})`;
  const limitOf = lazy(limit);
  let filter: string | undefined;
  const base = () => `p.organization_id = ${org()} ${(filter ??= filterSql(params, filters))}`;
  const afterGroup = after ? after[0] : -1;
  const columns = (group: string, distance: string, text: string, text2: string) =>
    `${SUMMARY_COLUMNS}, ${group} AS match_group, (${distance})::real AS distance, (${text})::text AS sort_text, (${text2})::text AS sort_text2`;
  /** Rows of `from` (rows with match_group etc.) past the cursor when it is in one of `groups`. */
  const seek = (groups: number[], order: 'id' | 'texts') => {
    if (!after || !groups.includes(afterGroup)) return '';
    const id = params.add(after[4]);
    if (order === 'id') return `AND (m.match_group, m.id) > (${afterGroup}, ${id}::uuid)`;
    return `AND (m.sort_text COLLATE "C", m.sort_text2 COLLATE "C", m.id) > (${params.add(after[2])} COLLATE "C", ${params.add(after[3])} COLLATE "C", ${id}::uuid)`;
  };
  /** Groups 0-5 in order, each reading only when the ones before left room on the page (`room` goes in its WHERE). */
  const early: ((room: string) => string)[] = [];
  const ctes: string[] = [];

  // 0-2: identifiers. Few rows each, materialized so no plan walks the primary key in id order looking for them.
  const mrn = terms.mrn ? lazy(terms.mrn) : null;
  const email = terms.email ? { exact: lazy(terms.email) } : null;
  const phone = terms.phoneDigits && terms.phoneSuffixPattern ? { exact: lazy(terms.phoneDigits), suffix: lazy(terms.phoneSuffixPattern.replace(/%$/, '')) } : null;
  if ((mrn || email || phone) && afterGroup <= 2) {
    const phoneEnds = () => (phone ? startsWith('p.phone_digits_reversed', phone.suffix()) : 'false');
    const kinds = [
      mrn && { group: 0, when: `p.mrn = ${mrn()}` },
      (email || phone) && {
        group: 1,
        when: [email && `p.email = ${email.exact()}`, phone && `(${phoneEnds()} AND p.phone_digits = ${phone.exact()})`].filter(Boolean).join(' OR '),
      },
      phone && { group: 2, when: phoneEnds() },
    ].filter((k): k is { group: number; when: string } => Boolean(k));
    const group = `CASE ${kinds.map((k) => `WHEN ${k.when} THEN ${k.group}`).join(' ')} END`;
    ctes.push(`identifiers AS MATERIALIZED (SELECT ${columns(group, '0', "''", "''")} FROM patients p WHERE ${base()} AND (${kinds.map((k) => k.when).join(' OR ')}))`);
    early.push((room) => `(SELECT * FROM identifiers m WHERE m.match_group >= ${Math.max(afterGroup, 0)} ${seek([0, 1, 2], 'id')} ${room} ORDER BY m.match_group, m.id LIMIT ${limitOf()})`);
  }

  // 3: e-mails starting with the term: a range of the C-collated index, in its order.
  const emailStarts = () => (email ? startsWith('p.email COLLATE "C"', email.exact()) : 'false');
  if (email && afterGroup <= 3) {
    early.push((room) => `(SELECT ${columns('3', '0', 'p.email', "''")} FROM patients p WHERE ${base()} AND ${emailStarts()} AND p.email <> ${email.exact()} ${room}
        ${after && afterGroup === 3 ? `AND (p.email COLLATE "C", p.id) > (${params.add(after[2])} COLLATE "C", ${params.add(after[4])}::uuid)` : ''}
        ORDER BY p.email COLLATE "C", p.id LIMIT ${limitOf()})`);
  }

  if (terms.name) {
    const words = nameWords(terms.name);
    const start = words.map((word) => lazy(word));
    const wordStart = (column: string, word: () => string) => startsWith(column, `patient_search_text(${word()})`);
    // Patients an e-mail start already listed are not listed again among names.
    const notListed = () => (email ? `AND (p.email IS NULL OR NOT ${emailStarts()})` : '');
    let wordStarts: () => string;
    if (words.length === 1) {
      wordStarts = () => `(${wordStart(LAST, start[0])} OR ${wordStart(FIRST, start[0])})`;
      if (afterGroup <= 4) {
        early.push((room) => `(SELECT * FROM (SELECT ${columns('4', '0', LAST, FIRST)} FROM patients p WHERE ${base()} AND ${wordStart(LAST, start[0])} ${notListed()} ${room}
            ${after && afterGroup === 4 ? `AND (${LAST}, ${FIRST}, p.id) > (${params.add(after[2])} COLLATE "C", ${params.add(after[3])} COLLATE "C", ${params.add(after[4])}::uuid)` : ''}
            ORDER BY ${LAST}, ${FIRST}, p.id LIMIT ${limitOf()}) m)`);
      }
      if (afterGroup <= 5) {
        early.push((room) => `(SELECT * FROM (SELECT ${columns('5', '0', FIRST, LAST)} FROM patients p WHERE ${base()} AND ${wordStart(FIRST, start[0])} AND NOT ${wordStart(LAST, start[0])} ${notListed()} ${room}
            ${after && afterGroup === 5 ? `AND (${FIRST}, ${LAST}, p.id) > (${params.add(after[2])} COLLATE "C", ${params.add(after[3])} COLLATE "C", ${params.add(after[4])}::uuid)` : ''}
            ORDER BY ${FIRST}, ${LAST}, p.id LIMIT ${limitOf()}) m)`);
      }
    } else {
      // The surname starts with one word, the first name with the others in the order typed ("smith, john", "mary ann smith").
      const rest = (i: number) => start.filter((_, j) => j !== i).map((w) => `patient_search_text(${w()})`).join(` || ' ' || `);
      wordStarts = () => `(${start.map((w, i) => `(${wordStart(LAST, w)} AND ${startsWith(FIRST, `(${rest(i)})`)})`).join(' OR ')})`;
      if (afterGroup <= 4) {
        // Few rows (both parts must match): materialized, then sorted.
        ctes.push(`name_starts AS MATERIALIZED (SELECT ${columns('4', '0', LAST, FIRST)} FROM patients p WHERE ${base()} AND ${wordStarts()} ${notListed()})`);
        early.push((room) => `(SELECT * FROM name_starts m WHERE true ${seek([4], 'texts')} ${room} ORDER BY m.sort_text COLLATE "C", m.sort_text2 COLLATE "C", m.id LIMIT ${limitOf()})`);
      }
    }

    // 6: close names, only when no name starts with what was typed (a typo, most likely) and the groups before leave
    // room on the page: the trigram index hands over every close name, so it is read only when needed.
    const earlyName = chain(early, ctes, limitOf);
    const name = lazy(terms.name);
    // Decided once, before any close-name row is read: a LATERAL subquery behind OFFSET 0 runs only for an allowed
    // gate row, and being parameterized by it, never starts parallel workers for a page that does not need it.
    const noNameStarts = `NOT EXISTS (SELECT FROM patients p WHERE ${base()} AND ${wordStarts()})`;
    ctes.push(
      `typo_gate AS MATERIALIZED (SELECT ${earlyName ? `CASE WHEN (SELECT count(*) FROM ${earlyName}) < ${limitOf()} THEN ${noNameStarts} ELSE false END` : noNameStarts} AS allowed)`,
    );
    // The candidates come from patient_close_names (migration 1796569720000): pg_trgm's operators are not leakproof, so
    // under row-level security they are never index conditions; the function reads the trigram index as the owner, for
    // the tenant set by the sign-in check only, and the rows are read back here under row-level security as usual.
    // It applies the filters and the cursor itself, so its `limit` candidates are the page's.
    const after6 = after && afterGroup === 6 ? after : null;
    const candidates = `patient_close_names(ARRAY[${start.map((w) => w()).join(', ')}]::text[], ${name()}::text, ${params.add(filters.includeArchived === true)}::boolean,
        ${params.add(filters.tag ?? null)}::text, ${email ? email.exact() : 'NULL'}::text, ${params.add(after6 ? after6[1] : null)}::real, ${params.add(after6 ? after6[4] : null)}::uuid, ${limitOf()}::integer)`;
    const closeNames = `(SELECT m.* FROM typo_gate g CROSS JOIN LATERAL (SELECT ${columns('6', 'c.distance', "''", "''")}
        FROM ${candidates} c JOIN patients p ON p.id = c.id
        WHERE g.allowed AND ${base()} OFFSET 0) m
        ORDER BY m.distance, m.id LIMIT ${limitOf()})`;
    if (!earlyName) return { params: params.values, sql: `WITH ${ctes.join(', ')} ${closeNames}` };
    return {
      params: params.values,
      sql: `WITH ${ctes.join(', ')}
        SELECT * FROM (SELECT * FROM ${earlyName} UNION ALL ${closeNames}) m
        ORDER BY m.match_group, m.distance, m.sort_text COLLATE "C", m.sort_text2 COLLATE "C", m.id LIMIT ${limitOf()}`,
    };
  }
  const earlyName = chain(early, ctes, limitOf);
  if (!earlyName) return null;
  return {
    params: params.values,
    sql: `WITH ${ctes.join(', ')} SELECT * FROM ${earlyName} m ORDER BY m.match_group, m.distance, m.sort_text COLLATE "C", m.sort_text2 COLLATE "C", m.id LIMIT ${limitOf()}`,
  };
}

/**
 * Adds the groups as CTEs `found_1`, `found_2`, … each holding the rows so far plus its group's, the group read only
 * while fewer than a page were found; returns the last one's name (null without groups).
 */
function chain(groups: ((room: string) => string)[], ctes: string[], limitOf: () => string): string | null {
  let previous: string | null = null;
  groups.forEach((group, i) => {
    const name = `found_${i + 1}`;
    ctes.push(
      previous
        ? `${name} AS MATERIALIZED (SELECT * FROM ${previous} UNION ALL ${group(`AND (SELECT count(*) FROM ${previous}) < ${limitOf()}`)})`
        : `${name} AS MATERIALIZED (${group('')})`,
    );
    previous = name;
  });
  return previous;
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

/**
 * A count that stops at a cap: "1,000+" tells a clinic as much as "184,213" and costs at most 1,001 index entries
 * instead of the whole table. SQL shape: `SELECT count(*) FROM (SELECT 1 FROM … WHERE … LIMIT $cap + 1) capped`.
 */
export const COUNT_CAP = 1000;

export interface CappedCount {
  /** Rows counted, at most COUNT_CAP. */
  count: number;
  /** True when there are more than `count` (show "1,000+"). */
  capped: boolean;
}

/** Reads the count of a `LIMIT cap + 1` subquery. */
export function cappedCount(countedRows: number, cap = COUNT_CAP): CappedCount {
  return countedRows > cap ? { count: cap, capped: true } : { count: countedRows, capped: false };
}

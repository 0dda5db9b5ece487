/** What a page of the patient list answers (total only without a search term). */
interface PatientPageShape {
  items: readonly unknown[];
  hasMore: boolean;
  total?: { count: number; capped: boolean };
}

const count = (n: number, capped = false) => `${n.toLocaleString('en-US')}${capped ? '+' : ''} patient${n === 1 && !capped ? '' : 's'}`;

/**
 * The line above the list: "1,000+ patients" from the capped count; while searching, the matches seen so far, with a
 * "+" while more pages follow (a search is not counted, so its cost stays that of one page).
 */
export function patientListSummary(page: PatientPageShape, pageIndex: number, pageSize: number): string {
  if (page.total) return count(page.total.count, page.total.capped);
  const seen = pageIndex * pageSize + page.items.length;
  return `${count(seen, page.hasMore)} found`;
}

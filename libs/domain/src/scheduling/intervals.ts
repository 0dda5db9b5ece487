/** Half-open time intervals [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** Sorted, with overlapping or touching intervals merged. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ start: i.start, end: i.end });
  }
  return merged;
}

/** `from` minus every interval of `remove` (both need not be sorted). */
export function subtractIntervals(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const cuts = mergeIntervals(remove);
  const result: Interval[] = [];
  for (const base of mergeIntervals(from)) {
    let cursor = base.start;
    for (const cut of cuts) {
      if (cut.end <= cursor || cut.start >= base.end) continue;
      if (cut.start > cursor) result.push({ start: cursor, end: cut.start });
      cursor = Math.max(cursor, cut.end);
    }
    if (cursor < base.end) result.push({ start: cursor, end: base.end });
  }
  return result;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when [start, end) lies inside one of the (merged) intervals. */
export function containedIn(interval: Interval, within: readonly Interval[]): boolean {
  return within.some((w) => w.start <= interval.start && interval.end <= w.end);
}

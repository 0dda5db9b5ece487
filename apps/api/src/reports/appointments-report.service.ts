import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  instantToLocal,
  isoWeekday,
  localTimeToInstant,
  minutesByWeekdayHour,
  monthsOfRange,
  noShowPercent,
  utilisationPercent,
  weekdayHourAfter,
  weekdayHourLabel,
  workingIntervals,
  type CsvCellValue,
} from '@skinledger/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/access/actor';
import type { AppointmentReportRowDto, AppointmentsReportDto, AppointmentsReportQueryDto } from './appointments-report.dto';
import { appointmentCounts, practitionerHours, type AppointmentCountsRow, type PractitionerHoursAtLocation } from './appointments-report.queries';
import type { ReportCsv } from './report-csv';
import { reportRange } from './report-range';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAY_MS = 86_400_000;

/**
 * Appointments, no-shows and utilisation (issue 17): what became of the appointments that started on the range's dates
 * (in their location's zone), and how much of the practitioners' working time was booked. Available time is the
 * working hours laid out by libs/domain's `workingIntervals` (the availability engine's own rule: the weekly pattern in
 * the location's zone, plus extra hours, minus time off); the ratios are libs/domain's.
 */
@Injectable()
export class AppointmentsReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(actor: Actor, query: AppointmentsReportQueryDto): Promise<AppointmentsReportDto> {
    const { from, to } = reportRange(query);
    const manager = this.dataSource.manager;
    const filters = { organizationId: actor.organizationId, locationId: query.locationId ?? null, practitionerId: query.practitionerId ?? null };
    const counts = await appointmentCounts(manager, { ...filters, groupBy: query.groupBy, from, to });
    // A day's margin either side covers every zone; each location's own local days are cut exactly below.
    const hours = await practitionerHours(manager, {
      ...filters,
      fromInstant: new Date(Date.parse(`${from}T00:00:00Z`) - DAY_MS),
      toInstant: new Date(Date.parse(`${addDays(to, 1)}T00:00:00Z`) + DAY_MS),
    });
    const available = availableMinutes(hours, from, to);

    const byKey = new Map(counts.map((c) => [c.key, c]));
    let keys: { key: string; label: string }[] = counts.map((c) => ({ key: c.key, label: c.label }));
    // Per weekday and hour, an appointment's minutes belong to the hours it covers, not only the one it starts in.
    const bookedByCell = query.groupBy === 'weekdayHour' ? spreadBookedMinutes(counts) : null;
    if (query.groupBy === 'weekday') keys = WEEKDAYS.map((label, i) => ({ key: String(i + 1), label }));
    if (query.groupBy === 'month') keys = monthsOfRange(from, to);
    if (query.groupBy === 'weekdayHour') {
      // Only the hours someone worked or something was booked in: a clinic closed at night has no night row.
      const cells = new Set([...available.byWeekdayHour.keys(), ...counts.map((c) => c.key), ...(bookedByCell?.keys() ?? [])]);
      keys = [...cells].sort().map((key) => ({ key, label: weekdayHourLabel(key) }));
    }
    if (query.groupBy === 'practitioner') {
      // Practitioners who worked but had nothing booked are a row too: 0 % utilisation is the news.
      for (const [key, label] of available.namesByPractitioner) if (!byKey.has(key)) keys.push({ key, label });
      keys.sort((a, b) => a.label.localeCompare(b.label));
    }
    const availableFor = (key: string): number | null => {
      switch (query.groupBy) {
        case 'practitioner':
          return available.byPractitioner.get(key) ?? 0;
        case 'weekday':
          return available.byWeekday.get(Number(key)) ?? 0;
        case 'month':
          return available.byMonth.get(key) ?? 0;
        case 'weekdayHour':
          return available.byWeekdayHour.get(key) ?? 0;
        default:
          return null;
      }
    };

    const rows = keys.map(({ key, label }) => toRow(key, label, byKey.get(key), availableFor(key), bookedByCell ? Math.round(bookedByCell.get(key) ?? 0) : undefined));
    const total = toRow('total', 'Total', sumCounts(counts), available.total);
    return { groupBy: query.groupBy, from, to, rows, total };
  }

  async csv(actor: Actor, query: AppointmentsReportQueryDto): Promise<ReportCsv> {
    const report = await this.report(actor, query);
    const grouping = { practitioner: 'Practitioner', service: 'Service', room: 'Room', weekday: 'Weekday', month: 'Month', weekdayHour: 'Weekday and hour' }[query.groupBy];
    const header = [grouping, 'Booked', 'Completed', 'Cancelled', 'Late cancelled', 'No-shows', 'No-show %', 'Booked minutes', 'Available minutes', 'Utilisation %', 'Booked online'];
    const rows: CsvCellValue[][] = [...report.rows, report.total].map((r) => [
      r.label,
      r.booked,
      r.completed,
      r.cancelled,
      r.lateCancelled,
      r.noShows,
      r.noShowPercent,
      r.bookedMinutes,
      r.availableMinutes,
      r.utilisationPercent,
      r.onlineBooked,
    ]);
    return { fileName: `appointments-by-${query.groupBy}_${report.from}_${report.to}.csv`, header, rows };
  }
}

function toRow(key: string, label: string, c: AppointmentCountsRow | undefined, availableMinutes: number | null, spreadMinutes?: number): AppointmentReportRowDto {
  const completed = c?.completed ?? 0;
  const noShows = c?.no_shows ?? 0;
  const bookedMinutes = spreadMinutes ?? c?.booked_minutes ?? 0;
  return {
    key,
    label,
    booked: c?.booked ?? 0,
    completed,
    cancelled: c?.cancelled ?? 0,
    lateCancelled: c?.late_cancelled ?? 0,
    noShows,
    noShowPercent: noShowPercent({ completed, noShows }),
    bookedMinutes,
    availableMinutes,
    utilisationPercent: availableMinutes === null ? null : utilisationPercent(bookedMinutes, availableMinutes),
    onlineBooked: c?.online_booked ?? 0,
  };
}

function sumCounts(rows: AppointmentCountsRow[]): AppointmentCountsRow {
  const total: AppointmentCountsRow = {
    key: 'total',
    label: 'Total',
    booked: 0,
    completed: 0,
    cancelled: 0,
    late_cancelled: 0,
    no_shows: 0,
    online_booked: 0,
    booked_minutes: 0,
    booked_minutes_by_hour: null,
  };
  for (const r of rows) {
    total.booked += r.booked;
    total.completed += r.completed;
    total.cancelled += r.cancelled;
    total.late_cancelled += r.late_cancelled;
    total.no_shows += r.no_shows;
    total.online_booked += r.online_booked;
    total.booked_minutes += r.booked_minutes;
  }
  return total;
}

/** The booked minutes of each starting hour's appointments spread onto the hours they cover (SQL gives them per hour after the start). */
function spreadBookedMinutes(counts: AppointmentCountsRow[]): Map<string, number> {
  const cells = new Map<string, number>();
  for (const c of counts) {
    (c.booked_minutes_by_hour ?? []).forEach((minutes, offset) => {
      if (minutes <= 0) return;
      const cell = weekdayHourAfter(c.key, offset);
      cells.set(cell, (cells.get(cell) ?? 0) + minutes);
    });
  }
  return cells;
}

/**
 * Working minutes on the range's local dates, per practitioner, per ISO weekday and per calendar month (of the local
 * date a block starts on), and per weekday and hour (each block cut at the hours of the wall clock), each location's
 * blocks in its own zone.
 */
function availableMinutes(hours: PractitionerHoursAtLocation[], from: string, to: string) {
  const byPractitioner = new Map<string, number>();
  const byWeekday = new Map<number, number>();
  const byMonth = new Map<string, number>();
  const byWeekdayHour = new Map<string, number>();
  const namesByPractitioner = new Map<string, string>();
  let total = 0;
  for (const h of hours) {
    namesByPractitioner.set(h.staffMemberId, h.name);
    const intervals = workingIntervals({
      weekly: h.weekly,
      exceptions: h.exceptions,
      timeZone: h.timeZone,
      from: localTimeToInstant(from, 0, h.timeZone).getTime(),
      to: localTimeToInstant(addDays(to, 1), 0, h.timeZone).getTime(),
    });
    for (const i of intervals) {
      const minutes = Math.round((i.end - i.start) / 60_000);
      const startDate = instantToLocal(i.start, h.timeZone).date;
      const weekday = isoWeekday(startDate);
      const month = startDate.slice(0, 7);
      byPractitioner.set(h.staffMemberId, (byPractitioner.get(h.staffMemberId) ?? 0) + minutes);
      byWeekday.set(weekday, (byWeekday.get(weekday) ?? 0) + minutes);
      byMonth.set(month, (byMonth.get(month) ?? 0) + minutes);
      for (const [cell, cellMinutes] of minutesByWeekdayHour(i.start, i.end, h.timeZone)) byWeekdayHour.set(cell, (byWeekdayHour.get(cell) ?? 0) + cellMinutes);
      total += minutes;
    }
  }
  return { byPractitioner, byWeekday, byMonth, byWeekdayHour, namesByPractitioner, total };
}

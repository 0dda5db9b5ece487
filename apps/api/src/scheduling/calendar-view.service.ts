import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { workingIntervals } from '@skinledger/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { InvalidFieldError } from '../common/problems/domain-error';
import { toAppointmentDto } from './appointment-views';
import type { ScheduleDto } from './calendar-view.dto';
import { loadCalendar } from './calendar-view.queries';
import { assertWithinDays } from './window-length';

const MAX_DAYS = 14;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The calendar's first paint in one answer (issue 13): who works at the location with their bookable time and time
 * off, the rooms, and the appointments of the window. One statement whatever the number of practitioners or days
 * (calendar-view.queries.ts); the working time is the same `workingIntervals` availability and the booking rules use.
 */
@Injectable()
export class CalendarViewService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(actor: Actor, query: { locationId: string; from: string; to: string }): Promise<ScheduleDto> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from) throw new InvalidFieldError('to', 'must be after from');
    assertWithinDays(from, to, MAX_DAYS);
    const { timezone, practitioners, rooms, appointments, holds } = await loadCalendar(this.dataSource, { organizationId: actor.organizationId, locationId: query.locationId, from, to });
    if (timezone === null) throw new InvalidFieldError('locationId', 'no such location in this organization');
    return {
      locationId: query.locationId,
      timeZone: timezone,
      practitioners: practitioners.map((p) => {
        const exceptions = p.exceptions.map((e) => ({ kind: e.kind, start: Date.parse(e.startsAt), end: Date.parse(e.endsAt), reason: e.reason }));
        const working = workingIntervals({ weekly: p.weekly, exceptions, timeZone: timezone, from: from.getTime(), to: to.getTime() });
        return {
          id: p.id,
          name: p.name,
          role: p.role,
          isActive: p.is_active,
          credentials: p.credentials,
          working: (p.is_active ? working : []).map((w) => ({ startsAt: iso(w.start), endsAt: iso(w.end) })),
          timeOff: exceptions.filter((e) => e.kind === 'time_off').map((e) => ({ startsAt: iso(e.start), endsAt: iso(e.end), reason: e.reason })),
        };
      }),
      rooms: rooms.map((r) => ({ id: r.id, locationId: r.location_id, name: r.name, isActive: r.is_active })),
      appointments: appointments.map(toAppointmentDto),
      holds: holds.map((h) => ({ ...h, startsAt: iso(Date.parse(h.startsAt)), endsAt: iso(Date.parse(h.endsAt)), occupiedUntil: iso(Date.parse(h.occupiedUntil)), expiresAt: iso(Date.parse(h.expiresAt)) })),
    };
  }
}

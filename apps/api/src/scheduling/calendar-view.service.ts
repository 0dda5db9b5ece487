import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { workingIntervals } from '@skinledger/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { InvalidFieldError } from '../common/problems/domain-error';
import { toAppointmentDto } from './appointment-views';
import { listAppointments } from './appointments.queries';
import type { ScheduleDto } from './calendar-view.dto';
import { calendarPractitioners } from './calendar-view.queries';
import { listRoomRows } from './catalog.queries';
import { findLocation } from './clinic-directory.queries';

const MAX_DAYS = 14;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The calendar's first paint in one answer (issue 13): who works at the location with their bookable time and time
 * off, the rooms, and the appointments of the window. Four statements whatever the number of practitioners; the
 * working time is the same `workingIntervals` availability and the booking rules use.
 */
@Injectable()
export class CalendarViewService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(actor: Actor, query: { locationId: string; from: string; to: string }): Promise<ScheduleDto> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from) throw new InvalidFieldError('to', 'must be after from');
    if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000) throw new InvalidFieldError('to', `at most ${MAX_DAYS} days after from`);
    const db = this.dataSource.manager;
    const location = await findLocation(db, actor.organizationId, query.locationId);
    if (!location) throw new InvalidFieldError('locationId', 'no such location in this organization');
    const window = { organizationId: actor.organizationId, locationId: query.locationId, from, to };
    const people = await calendarPractitioners(db, window);
    const rooms = await listRoomRows(db, actor.organizationId, query.locationId);
    const appointments = await listAppointments(db, actor.organizationId, { from, to, locationId: query.locationId });
    return {
      locationId: query.locationId,
      timeZone: location.timezone,
      practitioners: people.map((p) => {
        const exceptions = p.exceptions.map((e) => ({ kind: e.kind, start: Date.parse(e.startsAt), end: Date.parse(e.endsAt), reason: e.reason }));
        const working = workingIntervals({ weekly: p.weekly, exceptions, timeZone: location.timezone, from: from.getTime(), to: to.getTime() });
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
    };
  }
}

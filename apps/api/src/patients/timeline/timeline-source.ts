import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';

/**
 * Kinds of timeline entries. Open: a module that adds a source may add its own kind; the dashboard shows an unknown
 * kind with a generic icon.
 */
export type TimelineKind = 'patient' | 'medical_history' | 'appointment' | 'consent' | 'session' | 'assessment' | (string & {});

export interface TimelineEntry {
  at: Date;
  kind: TimelineKind;
  title: string;
  detail?: string;
  /** The id of the record the entry is about (a history version, an appointment ...). */
  refId: string;
  actorName?: string;
}

/** One source of a patient's timeline. Sources never audit: the timeline read is audited once. */
export interface TimelineProvider {
  entries(manager: EntityManager, organizationId: string, patientId: string): Promise<TimelineEntry[]>;
}

/**
 * Marks a provider as a timeline source. A later module (appointments, consents, sessions, assessments) adds its
 * entries by declaring `@TimelineSource() @Injectable() class X implements TimelineProvider` among its own providers;
 * the timeline finds it at run time, so that module does not have to import the patients module or the other way round.
 */
export const TimelineSource = DiscoveryService.createDecorator<void>();

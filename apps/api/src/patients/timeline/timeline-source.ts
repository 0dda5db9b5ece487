import { DiscoveryService } from '@nestjs/core';

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

/**
 * A view the source's owner publishes for the timeline (a migration; `organization_id`, `patient_id` and the columns
 * the source turns into entries). `patientIdIsText`: the view's patient_id is text (the audit trail's entity ids).
 */
export interface TimelineView {
  name: string;
  patientIdIsText?: boolean;
}

/** A view's rows for one patient as JSON: instants arrive as ISO text (see `instant`), without organization_id. */
export type TimelineRow = Record<string, unknown>;

/**
 * One source of a patient's timeline: the views it reads and how their rows become entries. The timeline reads every
 * source's views in ONE statement (timeline.queries.ts). Sources never audit: the timeline read is audited once.
 */
export interface TimelineProvider {
  readonly views: readonly TimelineView[];
  /** `rows[i]`: the patient's rows of `views[i]`. */
  entries(rows: TimelineRow[][]): TimelineEntry[];
}

/** An instant from a timeline row (JSON text) as a Date, null kept. */
export function instant(value: unknown): Date;
export function instant(value: unknown, nullable: true): Date | null;
export function instant(value: unknown, nullable?: true): Date | null {
  if (value === null || value === undefined) {
    if (nullable) return null;
    throw new Error('timeline row without its instant');
  }
  return new Date(value as string);
}

/**
 * Marks a provider as a timeline source. A later module (appointments, consents, sessions, assessments) adds its
 * entries by declaring `@TimelineSource() @Injectable() class X implements TimelineProvider` among its own providers;
 * the timeline finds it at run time, so that module does not have to import the patients module or the other way round.
 */
export const TimelineSource = DiscoveryService.createDecorator<void>();

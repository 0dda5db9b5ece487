import { createContext, useContext, type ReactNode } from 'react';
import type { Shading } from '@web/features/scheduling/calendarShading';

/** How the calendar shades a day column: by practitioner (day view) or for everyone (week view). */
export type ShadeColumn = (day: Date, resourceId: string | undefined) => Shading | null;

export const ShadingContext = createContext<ShadeColumn | null>(null);

interface SlotMetrics {
  groups: Date[][];
  getRange: (start: Date, end: Date) => { top: number; height: number };
}

/**
 * react-big-calendar's `eventContainerWrapper`: draws the column's non-working time (grey) and time off (hatched, with
 * its label) under the events. It lets clicks through to the slots, so booking by pointer works as before.
 */
export function AvailabilityLayer({ children, resource, slotMetrics }: { children?: ReactNode; resource?: string; slotMetrics: SlotMetrics }) {
  const shade = useContext(ShadingContext);
  const first = slotMetrics.groups[0]?.[0];
  const shading = shade && first ? shade(first, resource) : null;
  if (!shading) return children;
  const place = (i: { start: number; end: number }) => {
    const r = slotMetrics.getRange(new Date(i.start), new Date(i.end));
    return r.height > 0 ? { top: `${r.top}%`, height: `${r.height}%` } : null;
  };
  return (
    <>
      <div className="sl-shading">
        {shading.off.map((i) => {
          const style = place(i);
          return style && <div key={`off-${i.start}`} className="sl-off" style={style} data-testid="not-working" />;
        })}
        {shading.timeOff.map((t) => {
          const style = place(t);
          return (
            style && (
              <div key={`time-off-${t.start}`} className={t.partial ? 'sl-time-off sl-time-off-partial' : 'sl-time-off'} style={style}>
                <span className="sl-time-off-label">{t.label}</span>
              </div>
            )
          );
        })}
      </div>
      {children}
    </>
  );
}

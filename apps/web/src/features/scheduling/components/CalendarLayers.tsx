import { createContext, forwardRef, useContext, type CSSProperties, type ReactNode } from 'react';
import type { Shading } from '@web/features/scheduling/calendarShading';

/** How the calendar shades a day column: by practitioner (day view) or for everyone (week view). */
export type ShadeColumn = (day: Date, resourceId: string | undefined) => Shading | null;

export const ShadingContext = createContext<ShadeColumn | null>(null);

interface SlotMetrics {
  getRange: (start: Date, end: Date) => { top: number; height: number };
}

interface ColumnProps {
  children?: ReactNode;
  className?: string;
  style?: CSSProperties;
  date: Date;
  resource?: string;
  slotMetrics: SlotMetrics;
}

/**
 * react-big-calendar's `dayColumnWrapper`: the day column with its non-working time (grey), time off (hatched,
 * with its label) and online holds (outlined, "Held online · expires …": not an appointment, so not an event) drawn
 * under the events. Clicks go through to the slots, so booking by pointer works as before.
 * (A column wrapper rather than an `eventContainerWrapper`: the drag-and-drop add-on wraps the latter in a new
 * component on every render, which remounted the events and lost clicks on them.)
 */
export const AvailabilityColumn = forwardRef<HTMLDivElement, ColumnProps>(function AvailabilityColumn({ children, className, style, date, resource, slotMetrics }, ref) {
  const shade = useContext(ShadingContext);
  const shading = shade ? shade(date, resource) : null;
  const place = (i: { start: number; end: number }) => {
    const r = slotMetrics.getRange(new Date(i.start), new Date(i.end));
    return r.height > 0 ? { top: `${r.top}%`, height: `${r.height}%` } : null;
  };
  return (
    <div className={className} style={style} ref={ref}>
      {shading && (
        <div className="sl-shading">
          {shading.off.map((i) => {
            const at = place(i);
            return at && <div key={`off-${i.start}`} className="sl-off" style={at} data-testid="not-working" />;
          })}
          {shading.timeOff.map((t) => {
            const at = place(t);
            return (
              at && (
                <div key={`time-off-${t.start}`} className={t.partial ? 'sl-time-off sl-time-off-partial' : 'sl-time-off'} style={at}>
                  <span className="sl-time-off-label">{t.label}</span>
                </div>
              )
            );
          })}
          {shading.held?.map((h) => {
            const at = place(h);
            return (
              at && (
                <div key={`held-${h.id}`} className="sl-held" style={at} data-testid="online-hold">
                  <span className="sl-held-label">{h.label}</span>
                </div>
              )
            );
          })}
        </div>
      )}
      {children}
    </div>
  );
});

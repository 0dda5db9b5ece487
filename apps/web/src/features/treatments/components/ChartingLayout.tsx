import type { ReactNode } from 'react';
import classes from './ChartingLayout.module.css';

/** Places the zones, the checklist and the rest of the chart (see the CSS for the tablet layouts). */
export function ChartingLayout({ zones, checklist, details }: { zones: ReactNode; checklist: ReactNode; details: ReactNode }) {
  return (
    <div className={classes.layout}>
      <div className={classes.zones}>{zones}</div>
      <aside className={classes.checklist} aria-label="Checklist">
        {checklist}
      </aside>
      <div className={classes.details}>{details}</div>
    </div>
  );
}

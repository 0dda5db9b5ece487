import type { HeaderProps } from 'react-big-calendar';

/**
 * A day column's heading as plain text. react-big-calendar's own is a `role="columnheader"` outside any row, which
 * assistive tech cannot place (axe: aria-required-parent).
 */
export function CalendarColumnHeader({ label }: HeaderProps) {
  return <span>{label}</span>;
}

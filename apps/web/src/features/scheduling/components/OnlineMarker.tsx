import { IconWorld } from '@tabler/icons-react';

/**
 * A small globe before the name of an appointment the patient booked online (issue 16). Calm on purpose: it tells
 * where the booking came from, not that something is wrong. Read by a screen reader as "Booked online".
 */
export function OnlineMarker({ size = 12 }: { size?: number }) {
  return (
    <span className="sl-online-marker" role="img" aria-label="Booked online" title="Booked online">
      <IconWorld size={size} stroke={2} aria-hidden />
    </span>
  );
}

/** An appointment's start as the kiosk and the dashboard name it, on the location's clock: "Tue, Dec 15, 2026, 10:00 AM". */
export function appointmentStart(startsAt: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(
    new Date(startsAt),
  );
}

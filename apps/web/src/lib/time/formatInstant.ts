type Style = 'dateTime' | 'date' | 'time';

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' },
  date: { year: 'numeric', month: 'short', day: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(style: Style, timeZone: string): Intl.DateTimeFormat {
  const key = `${style}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(undefined, { ...OPTIONS[style], timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * An instant (ISO 8601) as wall-clock time in an IANA zone, in the user's locale:
 * "dateTime" (Nov 25, 2025, 09:14:03 AM), "date" (Nov 25, 2025) or "time" (09:14:03 AM).
 */
export function formatInstant(instant: string, timeZone: string, style: Style = 'dateTime'): string {
  return formatterFor(style, timeZone).format(new Date(instant));
}

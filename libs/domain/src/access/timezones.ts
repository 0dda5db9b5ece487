/** True when the name is an IANA time zone the runtime knows (e.g. "Europe/London", "America/New_York"). */
export function isIanaTimeZone(name: string): boolean {
  if (!name || !name.includes('/')) return name === 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

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

/** The canonical spelling of a time zone the runtime knows ("america/new_york" → "America/New_York"), else the input. */
export function canonicalTimeZone(name: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return name;
  }
}

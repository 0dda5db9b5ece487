import { isIanaTimeZone } from '@skinledger/domain';

export interface TimeZoneGroup {
  group: string;
  items: { value: string; label: string }[];
}

/** The browser's own zone when it is an IANA name the API accepts, else UTC. */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isIanaTimeZone(zone) ? zone : 'UTC';
}

function offsetLabel(timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

let cached: TimeZoneGroup[] | undefined;

/**
 * IANA zones the runtime knows, grouped by region ("America", "Europe", ...) and labelled with their
 * current UTC offset. Includes UTC and the browser's zone even when the runtime list omits them.
 */
export function timeZoneGroups(): TimeZoneGroup[] {
  if (cached) return cached;
  const zones = new Set(Intl.supportedValuesOf('timeZone').filter(isIanaTimeZone));
  zones.add('UTC');
  zones.add(browserTimeZone());
  const now = new Date();
  const groups = new Map<string, TimeZoneGroup>();
  for (const zone of [...zones].sort()) {
    const region = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : 'Other';
    const group = groups.get(region) ?? { group: region, items: [] };
    group.items.push({ value: zone, label: `${zone.replaceAll('_', ' ')} (${offsetLabel(zone, now)})` });
    groups.set(region, group);
  }
  cached = [...groups.values()];
  return cached;
}

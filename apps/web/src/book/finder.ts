/**
 * The provider finder's pure helpers (issue 16: "map-free distance sort from the browser's location or a typed
 * town/postcode matched against location addresses"). No map, no geocoding service: the browser's own position and
 * the coordinates the clinic gave each location, or the words of the address.
 */

export interface Place {
  latitude: number;
  longitude: number;
}

export interface FinderLocation {
  id: string;
  name: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
}

const EARTH_RADIUS_KM = 6371.0088;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine, mean Earth radius): good to a few metres at clinic distances. */
export function haversineKm(a: Place, b: Place): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLon = toRadians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Ranked<T> {
  location: T;
  /** Kilometres from the patient; null for a location without coordinates. */
  distanceKm: number | null;
}

/**
 * Nearest first. Locations the clinic gave no coordinates for keep their order (by name, as the API lists them) after
 * the ones with a distance: they are not "far", their distance is unknown.
 */
export function sortByDistance<T extends FinderLocation>(locations: readonly T[], from: Place): Ranked<T>[] {
  const ranked = locations.map((location, index) => ({
    location,
    index,
    distanceKm: location.latitude === null || location.longitude === null ? null : haversineKm(from, { latitude: location.latitude, longitude: location.longitude }),
  }));
  ranked.sort((a, b) => {
    if (a.distanceKm === null || b.distanceKm === null) return a.distanceKm === b.distanceKm ? a.index - b.index : a.distanceKm === null ? 1 : -1;
    return a.distanceKm - b.distanceKm || a.index - b.index;
  });
  return ranked.map(({ location, distanceKm }) => ({ location, distanceKm }));
}

/** Lower case, accents off, every run of other characters one space: "Saint-Étienne" and "saint etienne" read alike. */
export function normalizeWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const compact = (text: string) => normalizeWords(text).replace(/ /g, '');

/**
 * How well a typed town or postcode matches a location (0: not at all). 3: the postcode or the town as typed (spaces
 * aside: "sw1a1aa" finds "SW1A 1AA"); 2: every typed word starts a word of the address or name ("harb st" finds
 * "Harbour Street"); 1: the same postcode district — a UK outward code ("SW1A" of "SW1A 2BB") or a US ZIP's first
 * three digits ("100" of 10001 and 10004) — close, not the same street.
 */
export function matchScore(query: string, location: Pick<FinderLocation, 'name' | 'address'>): number {
  const typed = normalizeWords(query);
  if (!typed) return 0;
  const haystack = normalizeWords(`${location.name} ${location.address}`);
  const words = haystack.split(' ');
  if (` ${haystack} `.includes(` ${typed} `) || (/\d/.test(typed) && typed.length >= 3 && compact(location.address).includes(compact(query)))) return 3;
  if (typed.split(' ').every((part) => words.some((word) => word.startsWith(part)))) return 2;
  const district = postcodeDistrict(typed);
  if (district && words.some((word, i) => postcodeDistrict([word, words[i + 1] ?? ''].join(' ')) === district)) return 1;
  return 0;
}

/** "sw1a 2bb" → "sw1a", "sw1a" → "sw1a", "10004" → "100", "10004-1234" → "100"; null for words without a postcode. */
export function postcodeDistrict(text: string): string | null {
  const t = normalizeWords(text);
  const zip = /^(\d{3})\d{2}(?: \d{4})?\b/.exec(t);
  if (zip) return zip[1];
  const uk = /^([a-z]{1,2}\d[a-z\d]?)(?: ?\d[a-z]{2})?\b/.exec(t);
  return uk ? uk[1] : null;
}

/** The locations matching the typed words, best first (ties by the API's order, by name); none when nothing matches. */
export function matchLocations<T extends FinderLocation>(locations: readonly T[], query: string): T[] {
  return locations
    .map((location, index) => ({ location, index, score: matchScore(query, location) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((m) => m.location);
}

/** "1.2 km" or "0.7 mi" (the patient's locale decides: miles in the US and the UK), "under 100 m" close by. */
export function formatDistance(km: number, locale: string): string {
  const miles = /^en-(US|GB|LR|MM)$/i.test(locale);
  const value = miles ? km / 1.609344 : km;
  const unit = miles ? 'mi' : 'km';
  if (!miles && km < 0.1) return 'under 100 m';
  if (miles && value < 0.1) return 'under 0.1 mi';
  const digits = value < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${unit}`;
}

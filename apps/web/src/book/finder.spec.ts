import { formatDistance, haversineKm, matchLocations, matchScore, normalizeWords, postcodeDistrict, sortByDistance, type FinderLocation } from './finder';

const place = (id: string, name: string, address: string, latitude: number | null = null, longitude: number | null = null): FinderLocation => ({ id, name, address, latitude, longitude });

describe('haversineKm', () => {
  it('measures known distances along the globe', () => {
    // London (Charing Cross) to Paris (Notre-Dame): 343.5 km by the haversine on the mean radius.
    expect(haversineKm({ latitude: 51.5074, longitude: -0.1278 }, { latitude: 48.853, longitude: 2.3499 })).toBeCloseTo(343.5, 0);
    expect(haversineKm({ latitude: 40.7, longitude: -74 }, { latitude: 40.7, longitude: -74 })).toBe(0);
    // Across the antimeridian: short, not around the world.
    expect(haversineKm({ latitude: 0, longitude: 179.5 }, { latitude: 0, longitude: -179.5 })).toBeCloseTo(111.2, 0);
  });
});

describe('sortByDistance', () => {
  const manhattan = place('m', 'Battery Park', '1 State St, New York, NY 10004', 40.7033, -74.0132);
  const brooklyn = place('b', 'Park Slope', '200 7th Ave, Brooklyn, NY 11215', 40.6694, -73.9797);
  const unknown = place('u', 'Annex', 'Somewhere');
  it('puts the nearest first and locations without coordinates last, in their listed order', () => {
    const fromBrooklyn = sortByDistance([unknown, manhattan, brooklyn], { latitude: 40.67, longitude: -73.98 });
    expect(fromBrooklyn.map((r) => r.location.id)).toEqual(['b', 'm', 'u']);
    expect(fromBrooklyn[0].distanceKm).toBeLessThan(0.2);
    expect(fromBrooklyn[1].distanceKm).toBeCloseTo(4.7, 0);
    expect(fromBrooklyn[2].distanceKm).toBeNull();
    expect(sortByDistance([unknown, brooklyn, manhattan], { latitude: 40.71, longitude: -74.01 }).map((r) => r.location.id)).toEqual(['m', 'b', 'u']);
  });
});

describe('matching a typed town or postcode', () => {
  const harbour = place('h', 'Harbour Street', '12 Harbour Street, London SW1A 1AA');
  const bridge = place('b', 'Bridge Road', '4 Bridge Road, London SW1A 2BB');
  const leeds = place('l', 'Leeds', '3 Park Row, Leeds LS1 5HD');
  const nyc = place('n', 'Battery Park', '1 State St, New York, NY 10004');
  const all = [harbour, bridge, leeds, nyc];

  it('normalizes case, accents and punctuation', () => {
    expect(normalizeWords('  Saint-Étienne, 42000 ')).toBe('saint etienne 42000');
  });

  it('finds a postcode typed with or without its space, and in any case', () => {
    expect(matchLocations(all, 'sw1a1aa').map((l) => l.id)).toEqual(['h', 'b']);
    expect(matchLocations(all, 'SW1A 1AA').map((l) => l.id)).toEqual(['h', 'b']);
    expect(matchScore('ls1 5hd', leeds)).toBe(3);
  });

  it('finds a town or the start of its words', () => {
    expect(matchLocations(all, 'leeds').map((l) => l.id)).toEqual(['l']);
    expect(matchLocations(all, 'new york').map((l) => l.id)).toEqual(['n']);
    expect(matchLocations(all, 'harb st').map((l) => l.id)).toEqual(['h']);
    expect(matchLocations(all, 'london').map((l) => l.id)).toEqual(['h', 'b']);
  });

  it('ranks the same postcode district after the same postcode, and finds nearby US ZIP codes', () => {
    expect(matchLocations(all, 'SW1A 9ZZ').map((l) => l.id)).toEqual(['h', 'b']);
    expect(matchScore('SW1A 9ZZ', harbour)).toBe(1);
    expect(matchScore('10001', nyc)).toBe(1);
    expect(matchScore('10004', nyc)).toBe(3);
    expect(matchScore('11215', nyc)).toBe(0);
  });

  it('matches nothing for unrelated or empty words', () => {
    expect(matchLocations(all, 'manchester')).toEqual([]);
    expect(matchLocations(all, '   ')).toEqual([]);
  });

  it('reads postcode districts', () => {
    expect(postcodeDistrict('sw1a 2bb')).toBe('sw1a');
    expect(postcodeDistrict('M1 1AE')).toBe('m1');
    expect(postcodeDistrict('10004-1234')).toBe('100');
    expect(postcodeDistrict('leeds')).toBeNull();
  });
});

describe('formatDistance', () => {
  it('speaks miles in the US and the UK, kilometres elsewhere', () => {
    expect(formatDistance(4.7, 'en-US')).toBe('2.9 mi');
    expect(formatDistance(4.7, 'de-DE')).toBe('4,7 km');
    expect(formatDistance(42.2, 'fr-FR')).toBe('42 km');
    expect(formatDistance(0.05, 'fr-FR')).toBe('under 100 m');
  });
});

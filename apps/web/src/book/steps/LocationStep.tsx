import { useState, type FormEvent } from 'react';
import type { PublicLocation } from '@web/book/api';
import { formatDistance, matchLocations, sortByDistance, type Place } from '@web/book/finder';
import { StepHeading } from '@web/book/ui';

interface LocationStepProps {
  locations: PublicLocation[];
  onChoose: (location: PublicLocation) => void;
}

/**
 * The provider finder: the clinic's locations, nearest first from the browser's position (when the clinic gave the
 * locations coordinates and the patient allows it), or those whose address matches a typed town or postcode.
 */
export function LocationStep({ locations, onChoose }: LocationStepProps) {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [here, setHere] = useState<Place | null>(null);
  const [note, setNote] = useState('');
  const locale = navigator.language;
  const canLocate = 'geolocation' in navigator && locations.some((l) => l.latitude !== null && l.longitude !== null);

  const matched = query ? matchLocations(locations, query) : locations;
  const shown = query && matched.length === 0 ? locations : matched;
  const ranked = here ? sortByDistance(shown, here) : shown.map((location) => ({ location, distanceKm: null }));

  const search = (event: FormEvent) => {
    event.preventDefault();
    const q = typed.trim();
    setQuery(q);
    setHere(null);
    if (!q) setNote('');
    else {
      const found = matchLocations(locations, q).length;
      setNote(found === 0 ? `No location matches “${q}”: all locations are shown.` : `${found} ${found === 1 ? 'location matches' : 'locations match'} “${q}”.`);
    }
  };

  const locate = () => {
    setNote('Finding your location…');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setHere({ latitude: position.coords.latitude, longitude: position.coords.longitude });
        setQuery('');
        setNote('Sorted by distance from you, nearest first.');
      },
      () => setNote('Your location is not available: type your town or postcode instead.'),
      { maximumAge: 600_000, timeout: 15_000 },
    );
  };

  return (
    <section aria-labelledby="step-heading">
      <p className="progress">Step 1 of 5</p>
      <StepHeading>Choose a location</StepHeading>
      <form className="search-row" onSubmit={search} role="search" aria-label="Find a location">
        <div className="field">
          <label htmlFor="place">Town or postcode</label>
          <input id="place" type="search" autoComplete="postal-code" value={typed} onChange={(e) => setTyped(e.currentTarget.value)} />
        </div>
        <div className="actions" style={{ margin: '0 0 14px' }}>
          <button type="submit" className="button secondary">
            Find
          </button>
          {canLocate && (
            <button type="button" className="button secondary" onClick={locate}>
              Use my location
            </button>
          )}
        </div>
      </form>
      <p role="status" className="muted">
        {note}
      </p>
      <ul className="choices" aria-label="Locations">
        {ranked.map(({ location, distanceKm }) => (
          <li key={location.id}>
            <button type="button" className="choice" onClick={() => onChoose(location)}>
              <span className="title">{location.name}</span>
              {location.address && <span className="detail">{location.address}</span>}
              {distanceKm !== null && <span className="note">{formatDistance(distanceKm, locale)} away</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

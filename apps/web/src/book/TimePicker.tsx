import { useEffect, useState } from 'react';
import { ApiProblem, type Availability, type Slot } from './api';
import { plainWords } from './problems';
import { formatDay, formatShortDay, formatTime, slotsByDay } from './time';

const DAY_MS = 86_400_000;
/** The API answers at most 14 days per request. */
const WINDOW_DAYS = 14;

interface TimePickerProps {
  /** Free starts between two instants (the booking page's or the manage link's availability). */
  load: (from: string, to: string) => Promise<Availability>;
  timeZone: string;
  selected: Slot | null;
  onPick: (slot: Slot) => void;
  onError: (message: string) => void;
  /** What the list of times is about, for screen readers: "Free times". */
  label: string;
}

/**
 * Two weeks of free starts at a time, by the location's days: a day, then its times. Earlier/later move by two weeks
 * (never before now; the clinic's online window trims the rest on the server).
 */
export function TimePicker({ load, timeZone, selected, onPick, onError, label }: TimePickerProps) {
  const [from, setFrom] = useState(() => Date.now());
  const [answer, setAnswer] = useState<Availability | null>(null);
  const [loading, setLoading] = useState(true);
  const [day, setDay] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setLoading(true);
    load(new Date(from).toISOString(), new Date(from + WINDOW_DAYS * DAY_MS).toISOString())
      .then((result) => {
        if (!current) return;
        setAnswer(result);
        const days = slotsByDay(result.slots, result.timeZone);
        setDay(days[0]?.day ?? null);
      })
      .catch((error: unknown) => current && onError(error instanceof ApiProblem ? plainWords(error) : 'The free times could not be loaded.'))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
    // `load` is a new function each render of the parent; the window is what asks for a new search.
  }, [from]);

  const zone = answer?.timeZone ?? timeZone;
  const days = answer ? slotsByDay(answer.slots, zone) : [];
  const times = days.find((d) => d.day === day)?.slots ?? [];
  const canGoBack = from > Date.now() + DAY_MS;

  return (
    <div>
      <p className="muted">Times are shown in the clinic’s time zone ({zone.replace(/_/g, ' ')}).</p>
      <div className="pager">
        <button type="button" className="button secondary" disabled={!canGoBack || loading} onClick={() => setFrom((f) => Math.max(Date.now(), f - WINDOW_DAYS * DAY_MS))}>
          Earlier dates
        </button>
        <button type="button" className="button secondary" disabled={loading} onClick={() => setFrom((f) => f + WINDOW_DAYS * DAY_MS)}>
          Later dates
        </button>
      </div>
      <p role="status" className="muted">
        {loading ? 'Looking for free times…' : days.length === 0 ? 'No free times in these two weeks: try later dates.' : `Free times on ${days.length} ${days.length === 1 ? 'day' : 'days'} from ${formatDay(days[0].day)}.`}
      </p>
      {days.length > 0 && !loading && (
        <>
          <h2 id="days-heading">Day</h2>
          <ul className="days" aria-labelledby="days-heading">
            {days.map((d) => (
              <li key={d.day}>
                <button type="button" className="choice" aria-pressed={d.day === day} onClick={() => setDay(d.day)}>
                  {formatShortDay(d.day)}
                  <span className="visually-hidden">{`, ${d.slots.length} free ${d.slots.length === 1 ? 'time' : 'times'}`}</span>
                </button>
              </li>
            ))}
          </ul>
          {day && (
            <>
              <h2 id="times-heading">{`${label} on ${formatDay(day)}`}</h2>
              <ul className="times" aria-labelledby="times-heading">
                {times.map((slot) => (
                  <li key={slot.startsAt}>
                    <button type="button" className="choice" aria-pressed={selected?.startsAt === slot.startsAt} onClick={() => onPick(slot)}>
                      {formatTime(slot.startsAt, zone)}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}

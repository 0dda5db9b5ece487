import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiProblem, formsApi, manageApi, type ManagedAppointment, type PreVisitForms, type Slot } from './api';
import { applyBrandColor } from './brand';
import { ConsentView } from './ConsentView';
import { FormsSection } from './FormsSection';
import { HistoryView } from './HistoryView';
import { plainWords } from './problems';
import { formatAppointment } from './time';
import { TimePicker } from './TimePicker';
import { ErrorRegion, formatPhone, StatusRegion, StepHeading } from './ui';

/** The appointment, a change to it, or one of the pre-visit forms (`consent:<id>`). */
type Panel = 'view' | 'reschedule' | 'cancel' | 'history' | `consent:${string}`;

/** Visits with forms to fill in (the API answers 409 appointment-closed for the others). */
const FORMS_STATUSES = new Set(['booked', 'confirmed', 'checked_in']);

const STATUS_WORDS: Record<string, string> = {
  booked: 'Booked',
  confirmed: 'Confirmed: the clinic expects you',
  checked_in: 'Checked in',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'Missed',
};

/**
 * The manage link's page, `/book/manage/<key>` (the link the e-mails carry: apps/api/src/online-booking/manage-link.ts):
 * the appointment, Confirm attendance, Reschedule (a new free start, same service, location and practitioner), Cancel
 * with an optional reason. Inside the clinic's cancellation window the API refuses changes: the page says to call,
 * with the number. Each part is its own section; "Before your visit" lists the pre-visit forms (medical history,
 * consents), each opening its own view.
 */
export function ManagePage({ token, openAtForms = false, onClinicName }: { token: string; openAtForms?: boolean; onClinicName: (name: string) => void }) {
  const [appointment, setAppointment] = useState<ManagedAppointment | null>(null);
  const [loadError, setLoadError] = useState('');
  const [panel, setPanel] = useState<Panel>('view');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const [newSlot, setNewSlot] = useState<Slot | null>(null);
  const [reason, setReason] = useState('');
  const moveButton = useRef<HTMLButtonElement>(null);
  const [forms, setForms] = useState<PreVisitForms | null>(null);
  const [formsError, setFormsError] = useState('');
  const status = appointment?.status;

  // A new time chosen: the button that moves to it takes the focus (it sits below the day's list of times).
  useEffect(() => {
    if (newSlot) moveButton.current?.focus();
  }, [newSlot]);

  useEffect(() => {
    manageApi
      .view(token)
      .then((a) => {
        setAppointment(a);
        onClinicName(a.organizationName);
        applyBrandColor(a.brandColor);
        document.title = `Your appointment – ${a.organizationName}`;
      })
      .catch((e: unknown) => setLoadError(e instanceof ApiProblem ? plainWords(e) : 'The appointment could not be loaded.'));
  }, [token, onClinicName]);

  // The forms once the appointment is known to have them; read again after each form is saved, for its done state.
  const loadForms = () =>
    formsApi.forms(token).then(
      (f) => (setForms(f), setFormsError('')),
      (e: unknown) => setFormsError(e instanceof ApiProblem ? plainWords(e) : 'The forms could not be loaded.'),
    );
  useEffect(() => {
    if (status && FORMS_STATUSES.has(status)) void loadForms();
    // Loaded when the visit opens for forms; not again on every status change of the same visit.
  }, [token, status && FORMS_STATUSES.has(status)]);

  if (loadError) {
    return (
      <section aria-labelledby="step-heading">
        <StepHeading>Your appointment</StepHeading>
        <ErrorRegion message={loadError} />
      </section>
    );
  }
  if (!appointment) return <p role="status">Loading your appointment…</p>;
  const a = appointment;
  const when = (startsAt: string, endsAt: string) => formatAppointment(startsAt, endsAt, a.timeZone);
  const active = a.status === 'booked' || a.status === 'confirmed';

  const act = async (run: () => Promise<ManagedAppointment>, success: (updated: ManagedAppointment) => string) => {
    setBusy(true);
    setError('');
    setDone('');
    try {
      const updated = await run();
      setAppointment(updated);
      setPanel('view');
      setDone(success(updated));
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      setError(plainWords(e));
      // The appointment may have changed under the link (staff moved it, the window began): show it as it is now.
      manageApi.view(token).then(setAppointment, () => undefined);
    } finally {
      setBusy(false);
    }
  };

  const cancel = (event: FormEvent) => {
    event.preventDefault();
    void act(() => manageApi.cancel(token, reason), () => 'Your appointment is cancelled. We have e-mailed you to say so.');
  };

  const call = a.locationPhone ? (
    <>
      call {a.locationName} on <a href={`tel:${a.locationPhone}`}>{formatPhone(a.locationPhone)}</a>
    </>
  ) : (
    <>call {a.locationName}</>
  );

  return (
    <>
      {panel === 'view' && (
        <section aria-labelledby="step-heading">
          <StepHeading focusKey={done}>Your appointment</StepHeading>
          <StatusRegion message={done} />
          <ErrorRegion message={error} />
          <div className="summary">
            <dl>
              <dt>Status</dt>
              <dd>{STATUS_WORDS[a.status] ?? a.status}</dd>
              <dt>What</dt>
              <dd>{a.serviceName}</dd>
              <dt>When</dt>
              <dd>{when(a.startsAt, a.endsAt)}</dd>
              <dt>Where</dt>
              <dd>
                {a.locationName}
                {a.locationAddress ? `, ${a.locationAddress}` : ''}
              </dd>
              <dt>With</dt>
              <dd>{a.practitionerName}</dd>
            </dl>
          </div>
          {active && (
            <div className="actions">
              {a.status === 'booked' && (
                <button type="button" className="button" disabled={busy} onClick={() => void act(() => manageApi.confirm(token), () => 'Thank you: your attendance is confirmed.')}>
                  Confirm attendance
                </button>
              )}
              {a.canReschedule && (
                <button type="button" className="button secondary" onClick={() => (setError(''), setDone(''), setNewSlot(null), setPanel('reschedule'))}>
                  Reschedule
                </button>
              )}
              {a.canCancel && (
                <button type="button" className="button secondary" onClick={() => (setError(''), setDone(''), setPanel('cancel'))}>
                  Cancel appointment
                </button>
              )}
            </div>
          )}
          {active && !a.canCancel && (
            <p>
              Your appointment starts in less than {a.cancellationWindowHours} hours, so it can no longer be moved or cancelled online: please {call}.
            </p>
          )}
          {FORMS_STATUSES.has(a.status) && (
            <FormsSection forms={forms} error={formsError} focusOnLoad={openAtForms} onOpen={(view) => (setError(''), setDone(''), setPanel(view === 'history' ? 'history' : `consent:${view.consentId}`))} />
          )}
          <h2>The clinic’s policy</h2>
          <p className="policy">{a.policyText || 'The clinic has not written a policy.'}</p>
        </section>
      )}
      {panel === 'history' && forms && (
        <HistoryView token={token} history={forms.medicalHistory} timeZone={a.timeZone} onSaved={() => void loadForms()} onBack={() => setPanel('view')} />
      )}
      {panel.startsWith('consent:') &&
        forms?.consents
          .filter((c) => `consent:${c.id}` === panel)
          .map((c) => <ConsentView key={c.id} token={token} consent={c} timeZone={a.timeZone} onSigned={() => void loadForms()} onBack={() => setPanel('view')} />)}
      {panel === 'reschedule' && (
        <section aria-labelledby="step-heading">
          <StepHeading>Choose a new time</StepHeading>
          <p>
            {a.serviceName} with {a.practitionerName} at {a.locationName}. Now: {when(a.startsAt, a.endsAt)}.
          </p>
          <ErrorRegion message={error} />
          <TimePicker
            label="Free times"
            timeZone={a.timeZone}
            selected={newSlot}
            onError={setError}
            // Her own start is free to her, but is no move: left out.
            load={(from, to) => manageApi.availability(token, from, to).then((found) => ({ ...found, slots: found.slots.filter((s) => s.startsAt !== a.startsAt) }))}
            onPick={(slot) => setNewSlot(slot)}
          />
          {newSlot && (
            <div className="summary">
              <p id="new-time">New time: {when(newSlot.startsAt, newSlot.endsAt)}</p>
              <button
                ref={moveButton}
                aria-describedby="new-time"
                type="button"
                className="button wide"
                disabled={busy}
                onClick={() =>
                  void act(
                    () => manageApi.reschedule(token, newSlot.startsAt, newSlot.practitionerId),
                    (updated) => `Your appointment is moved to ${when(updated.startsAt, updated.endsAt)}. We have e-mailed you the new time.`,
                  )
                }
              >
                Move my appointment
              </button>
            </div>
          )}
          <button type="button" className="link-button" onClick={() => setPanel('view')}>
            Keep the time I have
          </button>
        </section>
      )}
      {panel === 'cancel' && (
        <section aria-labelledby="step-heading">
          <StepHeading>Cancel your appointment</StepHeading>
          <p>
            {a.serviceName} on {when(a.startsAt, a.endsAt)}.
          </p>
          <form onSubmit={cancel} noValidate aria-labelledby="step-heading">
            <div className="field">
              <label htmlFor="reason">Reason (optional)</label>
              <span className="hint" id="reason-hint">
                It helps the clinic; you need not give one.
              </span>
              <textarea id="reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} aria-describedby="reason-hint" />
            </div>
            <ErrorRegion message={error} />
            <div className="actions">
              <button type="submit" className="button danger" disabled={busy}>
                Cancel appointment
              </button>
              <button type="button" className="button secondary" onClick={() => setPanel('view')}>
                Keep it
              </button>
            </div>
          </form>
        </section>
      )}
    </>
  );
}

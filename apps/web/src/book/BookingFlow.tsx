import { useEffect, useRef, useState } from 'react';
import { ApiProblem, bookingApi, type BookingOptions, type Confirmation, type Hold, type PublicLocation, type PublicPractitioner, type PublicService, type Slot } from './api';
import { fieldMessages, plainWords, violationCodes } from './problems';
import { CodeStep } from '@web/book/steps/CodeStep';
import { NO_DETAILS, DetailsStep, type DetailErrors, type PatientDetails } from '@web/book/steps/DetailsStep';
import { DoneStep } from '@web/book/steps/DoneStep';
import { LocationStep } from '@web/book/steps/LocationStep';
import { PractitionerStep } from '@web/book/steps/PractitionerStep';
import { ServiceStep } from '@web/book/steps/ServiceStep';
import { formatAppointment } from './time';
import { TimePicker } from './TimePicker';
import { duration, ErrorRegion, formatPhone, StepHeading } from './ui';

type Step = 'location' | 'service' | 'practitioner' | 'time' | 'details' | 'code' | 'done';

const TITLES: Record<Step, string> = {
  location: 'Choose a location',
  service: 'Choose a treatment',
  practitioner: 'Choose a practitioner',
  time: 'Choose a day and time',
  details: 'Your details',
  code: 'Enter the code',
  done: 'You’re booked',
};

/**
 * The booking steps (issue 16): location → treatment → practitioner (optional: "any") → day and time → details and
 * the clinic's policy → the e-mailed code → done, with the manage link. The API decides every rule; the page says
 * early what it can (existing patients only) and says every refusal in plain words, with a way on.
 */
export function BookingFlow({ organization, options }: { organization: string; options: BookingOptions }) {
  const [step, setStep] = useState<Step>('location');
  const [location, setLocation] = useState<PublicLocation | null>(null);
  const [service, setService] = useState<PublicService | null>(null);
  const [practitioner, setPractitioner] = useState<PublicPractitioner | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [details, setDetails] = useState<PatientDetails>(NO_DETAILS);
  const [accepted, setAccepted] = useState(false);
  const [hold, setHold] = useState<Hold | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [error, setError] = useState('');
  const [fieldErrors, setFieldErrors] = useState<DetailErrors>({});
  const [codeError, setCodeError] = useState('');
  const [offer, setOffer] = useState<PublicService | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${TITLES[step]} – ${options.organizationName}`;
  }, [step, options.organizationName]);
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);

  const go = (next: Step, message = '') => {
    setError(message);
    setFieldErrors({});
    setCodeError('');
    if (!message) setOffer(null);
    setStep(next);
  };

  const timeZone = location?.timezone ?? 'UTC';
  const practitionerName = (id: string) => options.practitioners.find((p) => p.id === id)?.displayName ?? '';

  const summary = location && service && slot && (
    <div className="summary">
      <dl>
        <dt>What</dt>
        <dd>
          {service.name} ({duration(service.durationMin)})
        </dd>
        <dt>When</dt>
        <dd>{formatAppointment(slot.startsAt, slot.endsAt, timeZone)}</dd>
        <dt>Where</dt>
        <dd>{location.name}</dd>
        <dt>With</dt>
        <dd>{practitioner ? practitioner.displayName : `Any practitioner (${practitionerName(slot.practitionerId) || 'the first free'})`}</dd>
      </dl>
    </div>
  );

  const placeHold = async () => {
    if (!location || !service || !slot) return;
    setBusy(true);
    setError('');
    setFieldErrors({});
    try {
      const held = await bookingApi.hold(organization, {
        serviceId: service.id,
        locationId: location.id,
        ...(practitioner ? { practitionerId: practitioner.id } : {}),
        startsAt: slot.startsAt,
        patient: { ...details, firstName: details.firstName.trim(), lastName: details.lastName.trim(), email: details.email.trim(), phone: details.phone.trim() },
        acceptPolicy: true,
      });
      setHold(held);
      go('code');
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      if (e.code === 'slot-taken') {
        setSlot(null);
        go('time', plainWords(e));
      } else {
        const fields = fieldMessages(e);
        setFieldErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^patient\./, ''), v])) as DetailErrors);
        setError(plainWords(e));
      }
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (code: string) => {
    if (!hold || !location) return;
    setBusy(true);
    setError('');
    setCodeError('');
    try {
      setConfirmation(await bookingApi.confirm(organization, hold.holdId, code));
      go('done');
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      if (e.code === 'hold-expired' || e.code === 'hold-ended') {
        // The time was let go: start the choice of a time again, the details kept.
        setSlot(null);
        setHold(null);
        go('time', `${plainWords(e)}.`.replace(/\.\.$/, '.'));
      } else if (e.code === 'rule-violation') {
        setHold(null);
        const consultation = violationCodes(e).includes('existing-patients-only') ? consultationAt(options.services, location, service) : null;
        setOffer(consultation);
        setError(plainWords(e));
      } else {
        if (e.code === 'validation') setCodeError(fieldMessages(e).code ?? '');
        setError(plainWords(e));
      }
    } finally {
      setBusy(false);
    }
  };

  const switchToConsultation = (consultation: PublicService) => {
    setService(consultation);
    setPractitioner(null);
    setSlot(null);
    go('time');
  };

  return (
    <>
      {step === 'location' && (
        <LocationStep
          locations={options.locations}
          onChoose={(l) => {
            setLocation(l);
            go('service');
          }}
        />
      )}
      {step === 'service' && location && (
        <ServiceStep
          location={location}
          services={options.services}
          onChoose={(s) => {
            setService(s);
            setSlot(null);
            go('practitioner');
          }}
          onBack={() => go('location')}
        />
      )}
      {step === 'practitioner' && location && service && (
        <PractitionerStep
          location={location}
          service={service}
          practitioners={options.practitioners}
          onChoose={(p) => {
            setPractitioner(p);
            setSlot(null);
            go('time');
          }}
          onBack={() => go('service')}
        />
      )}
      {step === 'time' && location && service && (
        <section aria-labelledby="step-heading">
          <p className="progress">
            Step 4 of 5 · {service.name} · {practitioner ? practitioner.displayName : 'Any practitioner'}
          </p>
          <StepHeading>Choose a day and time</StepHeading>
          <ErrorRegion message={error} />
          <TimePicker
            key={`${service.id}:${practitioner?.id ?? 'any'}`}
            label="Free times"
            timeZone={timeZone}
            selected={slot}
            onError={setError}
            load={(from, to) => bookingApi.availability(organization, { serviceId: service.id, locationId: location.id, practitionerId: practitioner?.id, from, to })}
            onPick={(s) => {
              setSlot(s);
              go('details');
            }}
          />
          <button type="button" className="link-button" onClick={() => go('practitioner')}>
            Back to practitioners
          </button>
        </section>
      )}
      {step === 'details' && slot && (
        <>
          <DetailsStep
            summary={summary}
            policyText={options.policyText}
            details={details}
            accepted={accepted}
            busy={busy}
            serverErrors={fieldErrors}
            onChange={(d, a) => {
              setDetails(d);
              setAccepted(a);
            }}
            onSubmit={() => void placeHold()}
            onInvalid={setError}
            onBack={() => go('time')}
          />
          <div ref={errorRef}>
            <ErrorRegion message={error} />
          </div>
        </>
      )}
      {step === 'code' && hold && (
        <>
          <CodeStep
            email={details.email.trim()}
            heldMinutes={Math.max(1, Math.round((Date.parse(hold.expiresAt) - Date.now()) / 60_000))}
            busy={busy}
            serverError={codeError}
            onSubmit={(code) => void confirm(code)}
            onInvalid={setError}
            onBack={() => go('details')}
          />
          <div ref={errorRef}>
            <ErrorRegion message={error} />
          </div>
        </>
      )}
      {step === 'code' && !hold && (
        // The hold ended with a refusal: say why (above), and the way on.
        <section aria-labelledby="step-heading">
          <StepHeading focusKey={error}>This booking cannot be made online</StepHeading>
          <div ref={errorRef}>
            <ErrorRegion message={error} />
          </div>
          <div className="actions">
            {offer && (
              <button type="button" className="button" onClick={() => switchToConsultation(offer)}>
                {`Book a ${offer.name.toLowerCase()} instead`}
              </button>
            )}
            <button type="button" className="button secondary" onClick={() => go('service')}>
              Choose another treatment
            </button>
          </div>
          {location?.phone && (
            <p>
              Or call {location.name} on <a href={`tel:${location.phone}`}>{formatPhone(location.phone)}</a>.
            </p>
          )}
        </section>
      )}
      {step === 'done' && confirmation && location && <DoneStep confirmation={confirmation} timeZone={timeZone} address={location.address} email={details.email.trim()} />}
      {(step === 'location' || step === 'service' || step === 'practitioner') && <ErrorRegion message={error} />}
    </>
  );
}

/** The consultation a new patient may book at the same location instead (open to anyone there), if the clinic has one. */
export function consultationAt(services: readonly PublicService[], location: PublicLocation, refused: PublicService | null): PublicService | null {
  return (
    services.find((s) => s.id !== refused?.id && s.procedureKind === 'consultation' && s.onlineBooking === 'anyone' && s.locationIds.includes(location.id)) ?? null
  );
}

import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { isPastCalendarDate } from '@web/book/time';
import { Field, StepHeading } from '@web/book/ui';

export interface PatientDetails {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email: string;
  phone: string;
}

export const NO_DETAILS: PatientDetails = { firstName: '', lastName: '', dateOfBirth: '', email: '', phone: '' };

type FieldName = keyof PatientDetails | 'acceptPolicy';
export type DetailErrors = Partial<Record<FieldName, string>>;

/** The form's own checks, before the API's (which decide): what is missing or cannot be right. */
export function checkDetails(details: PatientDetails, accepted: boolean, today: string): DetailErrors {
  const errors: DetailErrors = {};
  if (!details.firstName.trim()) errors.firstName = 'Enter your first name';
  if (!details.lastName.trim()) errors.lastName = 'Enter your last name';
  if (!details.dateOfBirth) errors.dateOfBirth = 'Enter your date of birth';
  else if (!isPastCalendarDate(details.dateOfBirth, today)) errors.dateOfBirth = 'Enter a real date in the past';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(details.email.trim())) errors.email = 'Enter your e-mail address, like name@example.com: the code is sent there';
  if ((details.phone.match(/\d/g) ?? []).length < 6) errors.phone = 'Enter your phone number';
  if (!accepted) errors.acceptPolicy = 'Accept the booking and cancellation policy to book';
  return errors;
}

interface DetailsStepProps {
  summary: ReactNode;
  policyText: string;
  details: PatientDetails;
  accepted: boolean;
  busy: boolean;
  serverErrors: DetailErrors;
  onChange: (details: PatientDetails, accepted: boolean) => void;
  onSubmit: () => void;
  onInvalid: (message: string) => void;
  onBack: () => void;
}

const ORDER: FieldName[] = ['firstName', 'lastName', 'dateOfBirth', 'email', 'phone', 'acceptPolicy'];

export function DetailsStep({ summary, policyText, details, accepted, busy, serverErrors, onChange, onSubmit, onInvalid, onBack }: DetailsStepProps) {
  const [errors, setErrors] = useState<DetailErrors>({});
  const form = useRef<HTMLFormElement>(null);
  const shown = { ...errors, ...serverErrors };
  const set = (key: keyof PatientDetails) => (value: string) => onChange({ ...details, [key]: value }, accepted);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const today = new Date().toISOString().slice(0, 10);
    const found = checkDetails(details, accepted, today);
    setErrors(found);
    const first = ORDER.find((f) => found[f]);
    if (first) {
      onInvalid(`Please check: ${ORDER.filter((f) => found[f]).map((f) => found[f]).join('. ')}.`);
      form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    onSubmit();
  };

  return (
    <section aria-labelledby="step-heading">
      <p className="progress">Step 5 of 5</p>
      <StepHeading>Your details</StepHeading>
      {summary}
      <form ref={form} onSubmit={submit} noValidate aria-labelledby="step-heading">
        <Field label="First name" name="firstName" autoComplete="given-name" value={details.firstName} onChange={set('firstName')} error={shown.firstName} maxLength={100} required />
        <Field label="Last name" name="lastName" autoComplete="family-name" value={details.lastName} onChange={set('lastName')} error={shown.lastName} maxLength={100} required />
        <Field
          label="Date of birth"
          name="dateOfBirth"
          type="date"
          autoComplete="bday"
          hint="So the clinic finds your record if you have been before"
          value={details.dateOfBirth}
          onChange={set('dateOfBirth')}
          error={shown.dateOfBirth}
          required
        />
        <Field
          label="E-mail"
          name="email"
          type="email"
          autoComplete="email"
          hint="We send a 6-digit code here to confirm the booking"
          value={details.email}
          onChange={set('email')}
          error={shown.email}
          maxLength={254}
          required
        />
        <Field label="Phone" name="phone" type="tel" autoComplete="tel" value={details.phone} onChange={set('phone')} error={shown.phone} maxLength={32} required />
        <h2 id="policy-heading">Booking and cancellation policy</h2>
        <div className="policy" role="region" aria-labelledby="policy-heading" tabIndex={0}>
          {policyText || 'The clinic has not written a policy.'}
        </div>
        <div className="check">
          <input
            id="acceptPolicy"
            name="acceptPolicy"
            type="checkbox"
            checked={accepted}
            onChange={(e) => onChange(details, e.currentTarget.checked)}
            aria-invalid={shown.acceptPolicy ? true : undefined}
            aria-describedby={shown.acceptPolicy ? 'acceptPolicy-error' : undefined}
          />
          <label htmlFor="acceptPolicy">I accept the clinic’s booking and cancellation policy</label>
        </div>
        {shown.acceptPolicy && (
          <p className="error-text" id="acceptPolicy-error">
            {shown.acceptPolicy}
          </p>
        )}
        <button type="submit" className="button wide" disabled={busy}>
          {busy ? 'Holding your time…' : 'Send me a code'}
        </button>
      </form>
      <button type="button" className="link-button" onClick={onBack}>
        Back to times
      </button>
    </section>
  );
}

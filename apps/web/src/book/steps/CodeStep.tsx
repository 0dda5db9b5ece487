import { useState, type FormEvent } from 'react';
import { Field, StepHeading } from '@web/book/ui';

interface CodeStepProps {
  email: string;
  /** Minutes the time is still held for. */
  heldMinutes: number;
  busy: boolean;
  serverError?: string;
  onSubmit: (code: string) => void;
  onInvalid: (message: string) => void;
  onBack: () => void;
}

export function CodeStep({ email, heldMinutes, busy, serverError, onSubmit, onInvalid, onBack }: CodeStepProps) {
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setError('Enter the 6 digits from the e-mail');
      onInvalid('Enter the 6 digits from the e-mail.');
      return;
    }
    setError('');
    onSubmit(digits);
  };
  return (
    <section aria-labelledby="step-heading">
      <StepHeading>Enter the 6-digit code we e-mailed you</StepHeading>
      <p>
        We sent it to <strong>{email}</strong>. Your time is held for {heldMinutes} minutes: it is booked once you enter the code.
      </p>
      <form onSubmit={submit} noValidate aria-labelledby="step-heading">
        <Field
          label="6-digit code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={7}
          value={code}
          onChange={setCode}
          error={error || serverError}
        />
        <button type="submit" className="button wide" disabled={busy}>
          {busy ? 'Booking…' : 'Confirm booking'}
        </button>
      </form>
      <p className="muted">No e-mail? Look in your spam folder, or go back and check the address.</p>
      <button type="button" className="link-button" onClick={onBack}>
        Back to your details
      </button>
    </section>
  );
}

import { isoDateInTimeZone } from '@skinledger/domain';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { ApiProblem, formsApi, type PreVisitConsent, type SignedConsent } from './api';
import { ConsentText } from './ConsentText';
import { plainWords } from './problems';
import { ackInputId, emptySigning, SIGNING_FIELD_INPUTS, toSignRequest, validateSigning, WRONG_DATE_OF_BIRTH, type SigningDraft, type SigningProblem } from './signingForm';
import { dayKey, formatDay } from './time';
import { ErrorRegion, ErrorSummary, Field, StepHeading } from './ui';

// signature_pad is fetched when the signing view opens, not with the booking pages (their 120 kB first load).
const SignaturePadField = lazy(() => import('./SignaturePadField'));

interface ConsentViewProps {
  token: string;
  consent: PreVisitConsent;
  timeZone: string;
  onSigned: (signed: SignedConsent) => void;
  onBack: () => void;
}

/** What she is told once a form is signed: a witness still signs at the clinic when the form asks one. */
export function signedWords(witnessRequired: boolean, witnessed = false): string {
  if (witnessRequired && !witnessed) return 'Signed — the clinic will witness it at your visit.';
  return 'Signed. Thank you: the clinic has your signed form.';
}

/**
 * "Read and sign: <title>" (issue 16, before the visit): the consent's text, each acknowledgement to tick, the
 * agreement to sign electronically (as on the kiosk: the right to paper and to withdraw stated), her full name, her
 * date of birth (the API checks it against her record) and her drawn signature.
 */
export function ConsentView({ token, consent, timeZone, onSigned, onBack }: ConsentViewProps) {
  const [draft, setDraft] = useState<SigningDraft>(emptySigning);
  const [problems, setProblems] = useState<SigningProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [signed, setSigned] = useState<SignedConsent | null>(null);
  const today = isoDateInTimeZone(new Date(), timeZone);
  const update = (change: Partial<SigningDraft>) => setDraft((d) => ({ ...d, ...change }));
  const problemAt = (id: string) => problems.find((p) => p.inputId === id)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    const found = validateSigning(consent, draft, today);
    setProblems(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const result = await formsApi.sign(token, consent.id, toSignRequest(draft));
      setSigned(result);
      onSigned(result);
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      const onFields = (e.code === 'validation' ? (e.problem.errors ?? []) : [])
        .filter((f) => SIGNING_FIELD_INPUTS[f.field])
        .map((f) => ({ inputId: SIGNING_FIELD_INPUTS[f.field], message: f.field === 'dateOfBirth' ? WRONG_DATE_OF_BIRTH : f.message }));
      if (onFields.length > 0) {
        setProblems(onFields);
        setAttempt((n) => n + 1);
      } else setError(plainWords(e));
    } finally {
      setBusy(false);
    }
  };

  if (signed || consent.signed) {
    const witnessRequired = signed ? signed.witnessRequired : consent.witnessRequired && !consent.witnessed;
    const at = signed?.signedAt ?? consent.signedAt;
    return (
      <section aria-labelledby="step-heading">
        <StepHeading focusKey="signed" describedBy="outcome">
          {consent.title}
        </StepHeading>
        <p id="outcome" className="notice ok">{signedWords(witnessRequired)}</p>
        {at && <p>Signed on {formatDay(dayKey(at, timeZone))}.</p>}
        <button type="button" className="button wide" onClick={onBack}>
          Back to my appointment
        </button>
      </section>
    );
  }

  const summary = problems.map((p) => ({ inputId: p.inputId, text: p.message }));
  return (
    <section aria-labelledby="step-heading">
      <StepHeading>Read and sign: {consent.title}</StepHeading>
      <p className="muted">With {consent.practitionerName}. Read the form, then tick, type and sign below.</p>
      <ConsentText markdown={consent.body} labelledBy="step-heading" />
      <ErrorSummary items={summary} focusKey={problems.length > 0 ? attempt : 0} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Sign ${consent.title}`}>
        {consent.acknowledgements.length > 0 && (
          <fieldset className="section">
            <legend>
              <h2>Please confirm</h2>
            </legend>
            {consent.acknowledgements.map((a) => {
              const id = ackInputId(a.key);
              const message = problemAt(id);
              return (
                <div key={a.key}>
                  <div className="check">
                    <input
                      type="checkbox"
                      id={id}
                      checked={draft.ticked.includes(a.key)}
                      aria-invalid={message ? true : undefined}
                      aria-describedby={message ? `${id}-error` : undefined}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        update({ ticked: on ? [...draft.ticked, a.key] : draft.ticked.filter((k) => k !== a.key) });
                      }}
                    />
                    <label htmlFor={id}>
                      {a.text}
                      {!a.required && !/optional/i.test(a.text) && <span className="muted"> (optional)</span>}
                    </label>
                  </div>
                  {message && (
                    <span className="error" id={`${id}-error`}>
                      {message}
                    </span>
                  )}
                </div>
              );
            })}
          </fieldset>
        )}
        <fieldset className="section">
          <legend>
            <h2>Signing electronically</h2>
          </legend>
          <p id="esign-text">
            You may sign this form electronically. Your electronic signature has the same effect as signing on paper. You have the right to sign a paper copy
            instead: ask the clinic. You may withdraw your agreement to sign electronically at any time before you sign, and you can ask for a copy of the
            signed form.
          </p>
          <div className="check">
            <input
              type="checkbox"
              id="esign"
              checked={draft.electronicSignatureConsent}
              aria-invalid={problemAt('esign') ? true : undefined}
              aria-describedby={problemAt('esign') ? 'esign-text esign-error' : 'esign-text'}
              onChange={(e) => update({ electronicSignatureConsent: e.currentTarget.checked })}
            />
            <label htmlFor="esign">I agree to sign electronically</label>
          </div>
          {problemAt('esign') && (
            <span className="error" id="esign-error">
              {problemAt('esign')}
            </span>
          )}
          <Field id="signer-name" label="Your full name" hint="Type your name as you sign it" autoComplete="name" value={draft.signerName} onChange={(signerName) => update({ signerName })} error={problemAt('signer-name')} />
          <Field
            id="date-of-birth"
            type="date"
            label="Your date of birth"
            hint="The clinic checks it against your record"
            autoComplete="bday"
            max={today}
            value={draft.dateOfBirth}
            onChange={(dateOfBirth) => update({ dateOfBirth })}
            error={problemAt('date-of-birth')}
          />
          <div className="signature" data-invalid={problemAt('signature-pad') ? true : undefined} role="group" aria-labelledby="signature-label">
            <span id="signature-label" className="label">
              <strong>Your signature</strong>
            </span>
            <span className="hint muted" id="signature-hint">
              Draw your signature in the box with your finger, a stylus or the mouse.
            </span>
            <Suspense fallback={<p role="status">Loading the signature box…</p>}>
              <SignaturePadField onChange={(signature) => update({ signature })} describedBy={problemAt('signature-pad') ? 'signature-hint signature-error' : 'signature-hint'} />
            </Suspense>
            {problemAt('signature-pad') && (
              <span className="error" id="signature-error">
                {problemAt('signature-pad')}
              </span>
            )}
          </div>
        </fieldset>
        <ErrorRegion message={error} />
        <button type="submit" className="button wide" disabled={busy}>
          Sign the form
        </button>
      </form>
      <button type="button" className="link-button" onClick={onBack}>
        Back to my appointment without signing
      </button>
    </section>
  );
}

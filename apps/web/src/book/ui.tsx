import { useEffect, useId, useRef, type InputHTMLAttributes, type ReactNode } from 'react';

/**
 * A step's heading. It takes the focus when the step appears, so a screen reader announces where the patient is and
 * the keyboard starts from the top of the new step (no focus left on a button that is gone).
 */
export function StepHeading({
  children,
  level = 1,
  focusKey,
  id = 'step-heading',
  describedBy,
}: {
  children: ReactNode;
  level?: 1 | 2;
  focusKey?: string;
  id?: string;
  /** An outcome read out with the heading as it takes the focus (e.g. the screening's words after a save). */
  describedBy?: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  const Tag = level === 1 ? 'h1' : 'h2';
  return (
    <Tag ref={ref} tabIndex={-1} id={id} aria-describedby={describedBy}>
      {children}
    </Tag>
  );
}

/** Errors, read out as soon as they change (role="alert" is an assertive live region); empty: nothing shown. */
export function ErrorRegion({ message }: { message: string }) {
  return (
    <div className="alert" role="alert">
      {message}
    </div>
  );
}

/** Good news and progress, read out politely. */
export function StatusRegion({ message }: { message: string }) {
  return (
    <div className="status" role="status">
      {message}
    </div>
  );
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
}

/** A labelled input with its hint and error tied to it (aria-describedby, aria-invalid). */
export function Field({ label, value, onChange, hint, error, id, ...input }: FieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      <input id={inputId} value={value} onChange={(e) => onChange(e.currentTarget.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error && (
        <span className="error" id={errorId}>
          {error}
        </span>
      )}
    </div>
  );
}

/** Minutes in words: "30 min", "1 h 30 min". */
export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || '0 min';
}

/**
 * A stored E.164 number for reading: North American numbers as +1 212-555-0100, others as stored (the booking page
 * carries no phone-number library; the dial link uses the E.164 form).
 */
export function formatPhone(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return nanp ? `+1 ${nanp[1]}-${nanp[2]}-${nanp[3]}` : e164;
}

export interface SummaryItem {
  /** The input the link moves to. */
  inputId: string;
  /** "Question: message" in the patient's words. */
  text: string;
}

/**
 * The problems of a form, above it, each a link to its field (GOV.UK's error summary): it takes the focus when a
 * submission fails (`focusKey` changes), so a screen reader reads them all and the keyboard starts from the list.
 */
export function ErrorSummary({ items, focusKey, title = 'Please check these answers' }: { items: readonly SummaryItem[]; focusKey: number; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  if (items.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {items.map((item) => (
          <li key={`${item.inputId}-${item.text}`}>
            <a
              href={`#${item.inputId}`}
              onClick={(event) => {
                // Focus the field itself (a plain anchor jump scrolls but leaves the focus on the link).
                const target = document.getElementById(item.inputId);
                if (!target) return;
                event.preventDefault();
                target.focus();
                target.scrollIntoView({ block: 'center' });
              }}
            >
              {item.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import type { PreVisitForms } from './api';
import { ErrorRegion } from './ui';

export type FormsView = 'history' | { consentId: string };

/**
 * "Before your visit" on the manage page: her medical history and each consent of the visit, each a button to its own
 * view with whether it is done. A consent signed at home that the form asks a witness for says the clinic still
 * witnesses it at the visit.
 */
export function FormsSection({ forms, error, focusOnLoad, onOpen }: { forms: PreVisitForms | null; error: string; focusOnLoad: boolean; onOpen: (view: FormsView) => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);
  // Opened from the forms e-mail (`…/forms`): once the forms are there, the page starts at them.
  useEffect(() => {
    if (!focusOnLoad || !forms || focused.current) return;
    focused.current = true;
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [focusOnLoad, forms]);
  return (
    <section aria-labelledby="forms-heading">
      <h2 id="forms-heading" ref={heading} tabIndex={-1}>Before your visit</h2>
      <ErrorRegion message={error} />
      {!forms && !error && <p role="status">Loading your forms…</p>}
      {forms && (
        <>
          <p>Fill these in at home, so your visit can start on time.</p>
          <ul className="forms-list">
            <li>
              <button type="button" className="choice" onClick={() => onOpen('history')}>
                <span className="title">Fill in your medical history</span>
                <Badge done={forms.medicalHistory.yourLastAnswers !== null} doneWord="Done" />
              </button>
            </li>
            {forms.consents.map((c) => (
              <li key={c.id}>
                <button type="button" className="choice" onClick={() => onOpen({ consentId: c.id })}>
                  <span>
                    <span className="title">Read and sign: {c.title}</span>
                    {c.signed && c.witnessRequired && !c.witnessed && <span className="detail">The clinic will witness it at your visit</span>}
                  </span>
                  <Badge done={c.signed} doneWord="Signed" />
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Badge({ done, doneWord }: { done: boolean; doneWord: string }) {
  return <span className={done ? 'badge done' : 'badge'}>{done ? doneWord : 'To do'}</span>;
}

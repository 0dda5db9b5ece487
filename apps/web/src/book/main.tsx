import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProblem, bookingApi, type BookingOptions } from './api';
import { BookingFlow } from './BookingFlow';
import { applyBrandColor } from './brand';
import { ManagePage } from './ManagePage';
import { plainWords } from './problems';
import { ErrorRegion, StepHeading } from './ui';
import './book.css';

/**
 * The patients' pages (issue 16), a bundle of their own (apps/web/book.html): `/book?organization=<slug>` books,
 * `/book/manage/<key>` manages a booking. No dashboard code, no session: React, a style sheet and fetch.
 */
function BookApp() {
  const path = window.location.pathname;
  // The forms e-mail links to `/book/manage/<key>/forms`: the same page, opened at "Before your visit".
  const manage = /^\/book\/manage\/([^/]+?)(\/forms)?\/?$/.exec(path);
  const organization = new URLSearchParams(window.location.search).get('organization') ?? '';
  const [options, setOptions] = useState<BookingOptions | null>(null);
  const [problem, setProblem] = useState('');
  const [managedClinic, setManagedClinic] = useState('');

  useEffect(() => {
    if (manage || !organization) return;
    bookingApi.options(organization).then((o) => {
      applyBrandColor(o.brandColor);
      setOptions(o);
    }, (e: unknown) =>
      setProblem(e instanceof ApiProblem && e.code === 'not-found' ? 'This clinic does not take bookings online at the moment. Please call the clinic.' : e instanceof ApiProblem ? plainWords(e) : 'The booking page could not be loaded.'),
    );
    // Read once: the page is loaded per clinic link.
  }, []);

  const clinicName = options?.organizationName ?? managedClinic;
  let content;
  if (manage) content = <ManagePage token={decodeURIComponent(manage[1])} openAtForms={!!manage[2]} onClinicName={setManagedClinic} />;
  else if (!organization || problem) {
    content = (
      <section aria-labelledby="step-heading">
        <StepHeading>Book an appointment</StepHeading>
        <ErrorRegion message={problem || 'This booking link is incomplete: open the link from the clinic’s website or e-mail again.'} />
      </section>
    );
  } else if (!options) content = <p role="status">Loading the booking page…</p>;
  else content = <BookingFlow organization={organization} options={options} />;

  return (
    <>
      <header className="book-header">
        <p className="clinic">{clinicName || 'Online booking'}</p>
        <p className="tagline">{manage ? 'Your appointment' : 'Book an appointment online'}</p>
      </header>
      <main className="book-main">{content}</main>
    </>
  );
}

const root = document.getElementById('book');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BookApp />
    </StrictMode>,
  );
}

import type { Confirmation } from '@web/book/api';
import { formatAppointment } from '@web/book/time';
import { StepHeading } from '@web/book/ui';

interface DoneStepProps {
  confirmation: Confirmation;
  timeZone: string;
  address: string;
  email: string;
}

export function DoneStep({ confirmation, timeZone, address, email }: DoneStepProps) {
  const a = confirmation.appointment;
  const manage = `/book/manage/${confirmation.manageToken}`;
  return (
    <section aria-labelledby="step-heading">
      <StepHeading>You’re booked</StepHeading>
      <p>We have e-mailed the details and a calendar invitation to {email}.</p>
      <div className="summary">
        <dl>
          <dt>What</dt>
          <dd>{a.serviceName}</dd>
          <dt>When</dt>
          <dd>{formatAppointment(a.startsAt, a.endsAt, timeZone)}</dd>
          <dt>Where</dt>
          <dd>
            {a.locationName}
            {address ? `, ${address}` : ''}
          </dd>
          <dt>With</dt>
          <dd>{a.practitionerName}</dd>
        </dl>
      </div>
      <h2>Need to change it?</h2>
      <p>Confirm, move or cancel your appointment with your own link (it is in the e-mail too). Keep it private: anyone with the link can change the appointment.</p>
      {/* _top: inside the clinic's website (the embed) the manage page opens as a page of its own; it is never framed. */}
      <a className="button wide" href={manage} target="_top">
        Manage your appointment
      </a>
      <p className="manage-link">{`${window.location.origin}${manage}`}</p>
    </section>
  );
}

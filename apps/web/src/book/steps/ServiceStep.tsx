import type { PublicLocation, PublicService } from '@web/book/api';
import { duration, StepHeading } from '@web/book/ui';

/** What the clinic says of a service booked online by its existing patients only (issue 16, the API's rule). */
export const EXISTING_PATIENTS_NOTE = 'For existing patients: bookable online after a consultation or a medical-needling session with us in the last 12 months.';

interface ServiceStepProps {
  location: PublicLocation;
  services: PublicService[];
  onChoose: (service: PublicService) => void;
  onBack: () => void;
}

export function ServiceStep({ location, services, onChoose, onBack }: ServiceStepProps) {
  const offered = services.filter((s) => s.locationIds.includes(location.id));
  return (
    <section aria-labelledby="step-heading">
      <p className="progress">Step 2 of 5 · {location.name}</p>
      <StepHeading>Choose a treatment</StepHeading>
      {offered.length === 0 && <p>Nothing can be booked online at {location.name} at the moment.</p>}
      <ul className="choices" aria-label="Treatments">
        {offered.map((service) => (
          <li key={service.id}>
            <button type="button" className="choice" onClick={() => onChoose(service)}>
              <span className="title">{service.name}</span>
              <span className="detail">{duration(service.durationMin)}</span>
              {service.description && <span className="detail">{service.description}</span>}
              {service.onlineBooking === 'existing_patients' && <span className="note">{EXISTING_PATIENTS_NOTE}</span>}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={onBack}>
        Back to locations
      </button>
    </section>
  );
}

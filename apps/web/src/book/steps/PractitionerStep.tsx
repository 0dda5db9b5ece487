import type { PublicLocation, PublicPractitioner, PublicService } from '@web/book/api';
import { StepHeading } from '@web/book/ui';

interface PractitionerStepProps {
  location: PublicLocation;
  service: PublicService;
  practitioners: PublicPractitioner[];
  onChoose: (practitioner: PublicPractitioner | null) => void;
  onBack: () => void;
}

/** Optional: "Any practitioner" first, then those who give the service at the location. */
export function PractitionerStep({ location, service, practitioners, onChoose, onBack }: PractitionerStepProps) {
  const offering = practitioners.filter((p) => p.serviceIds.includes(service.id) && p.locationIds.includes(location.id));
  return (
    <section aria-labelledby="step-heading">
      <p className="progress">Step 3 of 5 · {service.name}</p>
      <StepHeading>Choose a practitioner</StepHeading>
      <ul className="choices" aria-label="Practitioners">
        <li>
          <button type="button" className="choice" onClick={() => onChoose(null)}>
            <span className="title">Any practitioner</span>
            <span className="detail">The most free times</span>
          </button>
        </li>
        {offering.map((p) => (
          <li key={p.id}>
            <button type="button" className="choice" onClick={() => onChoose(p)}>
              <span className="title">{p.displayName}</span>
              {p.title && <span className="detail">{p.title}</span>}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={onBack}>
        Back to treatments
      </button>
    </section>
  );
}

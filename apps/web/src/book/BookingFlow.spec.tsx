import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProblem, bookingApi, type BookingOptions, type Problem, type PublicService } from './api';
import { BookingFlow } from './BookingFlow';

// Only the calls to the API are replaced; the steps, their focus and their words run as on the page.
jest.mock('./api', () => ({
  ...jest.requireActual('./api'),
  bookingApi: { options: jest.fn(), availability: jest.fn(), hold: jest.fn(), confirm: jest.fn() },
}));
const api = bookingApi as jest.Mocked<typeof bookingApi>;

const LOCATION = { id: 'loc-1', name: 'Harbour Street', address: '1 State Street, New York, NY 10004', timezone: 'America/New_York', phone: '+12125550100', latitude: null, longitude: null };
const CONSULTATION: PublicService = { id: 'svc-c', name: 'Consultation', durationMin: 30, procedureKind: 'consultation', description: '', onlineBooking: 'anyone', locationIds: ['loc-1'], practitionerIds: ['p-1'] };
const NEEDLING: PublicService = { id: 'svc-m', name: 'Medical needling', durationMin: 60, procedureKind: 'medical_needling', description: '', onlineBooking: 'existing_patients', locationIds: ['loc-1'], practitionerIds: ['p-1'] };
const OPTIONS: BookingOptions = {
  organizationName: 'Harbour Skin Clinic',
  locations: [LOCATION],
  services: [CONSULTATION, NEEDLING],
  practitioners: [{ id: 'p-1', displayName: 'Nora Reyes', title: 'Nurse', serviceIds: ['svc-c', 'svc-m'], locationIds: ['loc-1'] }],
  policyText: 'Cancel a day ahead.',
  brandColor: null,
  cancellationWindowHours: 24,
};
const SLOT = { startsAt: '2030-03-05T15:00:00.000Z', endsAt: '2030-03-05T15:30:00.000Z', practitionerId: 'p-1' };
const problem = (status: number, code: string, detail: string, extra: Partial<Problem> = {}) =>
  new ApiProblem({ type: `urn:skinledger:problem:${code}` as Problem['type'], title: code, status, detail, ...extra });

beforeEach(() => {
  jest.resetAllMocks();
  api.availability.mockResolvedValue({ timeZone: 'America/New_York', slots: [SLOT] });
  api.hold.mockResolvedValue({ holdId: 'hold-1', expiresAt: new Date(Date.now() + 600_000).toISOString() });
});

async function toDetails(service: 'Consultation' | 'Medical needling') {
  const user = userEvent.setup();
  render(<BookingFlow organization="harbour" options={OPTIONS} />);
  await user.click(screen.getByRole('button', { name: /^Harbour Street/ }));
  await user.click(screen.getByRole('button', { name: new RegExp(`^${service}`) }));
  await user.click(screen.getByRole('button', { name: /^Any practitioner/ }));
  await user.click(await screen.findByRole('button', { name: '10:00 AM' }));
  await user.type(screen.getByLabelText('First name'), 'Amara');
  await user.type(screen.getByLabelText('Last name'), 'Okafor');
  await user.type(screen.getByLabelText(/^Date of birth/), '1990-04-02');
  await user.type(screen.getByLabelText(/^E-mail/), 'amara@example.com');
  await user.type(screen.getByLabelText('Phone'), '(212) 555-0142');
  await user.click(screen.getByLabelText(/I accept/));
  return user;
}

async function toCode(service: 'Consultation' | 'Medical needling') {
  const user = await toDetails(service);
  await user.click(screen.getByRole('button', { name: 'Send me a code' }));
  await screen.findByRole('heading', { level: 1, name: 'Enter the 6-digit code we e-mailed you' });
  await user.type(screen.getByLabelText('6-digit code'), '123456');
  return user;
}

it('moves the focus to each step’s heading and holds the time with what she typed', async () => {
  const user = await toDetails('Consultation');
  await user.click(screen.getByRole('button', { name: 'Send me a code' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Enter the 6-digit code we e-mailed you' })).toHaveFocus();
  expect(api.hold).toHaveBeenCalledWith('harbour', {
    serviceId: 'svc-c',
    locationId: 'loc-1',
    startsAt: SLOT.startsAt,
    patient: { firstName: 'Amara', lastName: 'Okafor', dateOfBirth: '1990-04-02', email: 'amara@example.com', phone: '(212) 555-0142' },
    acceptPolicy: true,
  });
});

it('says "too many attempts" on a 429 and stays on her details', async () => {
  api.hold.mockRejectedValue(problem(429, 'too-many-requests', 'At most 5 bookings may be started per e-mail address in an hour: try again later', { retryAfterSeconds: 1200 }));
  const user = await toDetails('Consultation');
  await user.click(screen.getByRole('button', { name: 'Send me a code' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts: please try again later.');
  expect(screen.getByRole('heading', { level: 1, name: 'Your details' })).toBeInTheDocument();
});

it('starts the choice of a time again when the hold expired (410), saying why, her details kept', async () => {
  api.confirm.mockRejectedValue(problem(410, 'hold-expired', 'The 10 minutes to enter the code are over and the time was let go: choose a time again'));
  const user = await toCode('Consultation');
  await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Choose a day and time' })).toHaveFocus();
  expect(screen.getByRole('alert')).toHaveTextContent('The 10 minutes to enter the code are over and the time was let go: choose a time again.');
  await user.click(await screen.findByRole('button', { name: '10:00 AM' }));
  expect(screen.getByLabelText('First name')).toHaveValue('Amara');
});

it('says why a new patient cannot book medical needling online and offers the consultation at the same place', async () => {
  api.confirm.mockRejectedValue(
    problem(422, 'rule-violation', 'Medical needling can be booked online only by patients who had a consultation or a medical-needling session with us in the last 12 months. Book a consultation first, or call the clinic.', {
      violations: [{ code: 'existing-patients-only', message: 'Medical needling is booked online by existing patients only: book a consultation first' }],
    }),
  );
  const user = await toCode('Medical needling');
  await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'This booking cannot be made online' })).toHaveFocus();
  expect(screen.getByRole('alert')).toHaveTextContent(/only by patients who had a consultation/);
  expect(screen.getByRole('link', { name: '+1 212-555-0100' })).toHaveAttribute('href', 'tel:+12125550100');
  await user.click(screen.getByRole('button', { name: 'Book a consultation instead' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Choose a day and time' })).toBeInTheDocument();
  expect(screen.getByText(/Step 4 of 5 · Consultation/)).toBeInTheDocument();
  await waitFor(() => expect(api.availability).toHaveBeenLastCalledWith('harbour', expect.objectContaining({ serviceId: 'svc-c', locationId: 'loc-1' })));
});

it('shows a wrong code on the field with the tries left', async () => {
  api.confirm.mockRejectedValue(problem(400, 'validation', 'code: not the code we sent; 4 tries left', { errors: [{ field: 'code', message: 'not the code we sent; 4 tries left' }] }));
  const user = await toCode('Consultation');
  await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Code: not the code we sent; 4 tries left');
  expect(screen.getByLabelText('6-digit code')).toHaveAttribute('aria-invalid', 'true');
});

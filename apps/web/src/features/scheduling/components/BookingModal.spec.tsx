import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '@web/lib/api/apiClient';
import { answer, answeringByPath, renderWithProviders, violations } from '@web-test/renderWithProviders';
import { BookingModal, type BookingDraft } from './BookingModal';

// Only the typed API client is replaced: the hooks, React Query and the dialog run as in the dashboard.
jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), POST: jest.fn() } }));
const get = api.GET as unknown as jest.Mock;
const post = api.POST as unknown as jest.Mock;

const TZ = 'America/New_York';
// 09:00 in New York on a winter Monday.
const DRAFT: BookingDraft = { startsAt: new Date('2027-01-11T14:00:00.000Z'), practitionerId: 'nurse-1', practitionerName: 'Nora Quinn' };

const SERVICES = [
  { id: 'service-1', name: 'Medical needling', durationMin: 60, bufferMin: 15, procedureKind: 'medical_needling', consentKinds: [], minDaysBetweenMedicalSessions: 28, isActive: true },
  { id: 'service-old', name: 'Retired facial', durationMin: 30, bufferMin: 0, procedureKind: 'cosmetic_needling', consentKinds: [], minDaysBetweenMedicalSessions: 28, isActive: false },
];
const ROOMS = [
  { id: 'room-1', locationId: 'location-1', name: 'Room 1', isActive: true },
  { id: 'room-2', locationId: 'location-1', name: 'Store room', isActive: false },
];
const PATIENTS = { items: [{ id: 'patient-1', firstName: 'Elena', lastName: 'Marsh', mrn: 'SL-7' }], total: 1 };
const FREE = {
  slots: [
    { startsAt: '2027-01-11T14:00:00.000Z', practitionerId: 'nurse-1', roomId: 'room-1' },
    { startsAt: '2027-01-11T15:30:00.000Z', practitionerId: 'nurse-1', roomId: 'room-1' },
  ],
};

function openDialog(draft: BookingDraft = DRAFT) {
  const onClose = jest.fn();
  renderWithProviders(<BookingModal draft={draft} locationId="location-1" timeZone={TZ} onClose={onClose} />);
  return { onClose, user: userEvent.setup() };
}

async function choose(user: ReturnType<typeof userEvent.setup>, label: string, option: string | RegExp) {
  await user.click(screen.getByRole('textbox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
}

async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('textbox', { name: 'Patient' }), 'El');
  await user.click(await screen.findByRole('option', { name: 'Elena Marsh · SL-7' }));
  await choose(user, 'Service', 'Medical needling · 60 min');
  await choose(user, 'Room', 'Room 1');
}

beforeEach(() => {
  get.mockReset().mockImplementation(answeringByPath({ '/api/services': SERVICES, '/api/rooms': ROOMS, '/api/patients': PATIENTS, '/api/availability': FREE }));
  post.mockReset();
});

it('shows the clicked day and practitioner, and offers only active services and rooms', async () => {
  const { user } = openDialog();
  expect(screen.getByText(/Jan 11, 2027 · Nora Quinn/)).toBeInTheDocument();
  await user.click(screen.getByRole('textbox', { name: 'Service' }));
  expect(await screen.findByRole('option', { name: 'Medical needling · 60 min' })).toBeInTheDocument();
  expect(screen.queryByRole('option', { name: /Retired facial/ })).not.toBeInTheDocument();
  await user.click(screen.getByRole('textbox', { name: 'Room' }));
  expect(await screen.findByRole('option', { name: 'Room 1' })).toBeInTheDocument();
  expect(screen.queryByRole('option', { name: 'Store room' })).not.toBeInTheDocument();
});

it('books the patient, service and room at the clicked time, and closes', async () => {
  const { user, onClose } = openDialog();
  expect(screen.getByRole('button', { name: 'Book' })).toBeDisabled();
  await fillIn(user);
  // The free starts of that day, for this practitioner, at the location's wall clock.
  expect(await screen.findByText('2 free starts this day')).toBeInTheDocument();
  const patientSearch = get.mock.calls.find(([path]) => path === '/api/patients');
  expect(patientSearch?.[1]).toEqual({ params: { query: { q: 'El', page: 1, pageSize: 10 } } });
  const availability = get.mock.calls.find(([path]) => path === '/api/availability');
  expect(availability?.[1].params.query).toMatchObject({ serviceId: 'service-1', locationId: 'location-1', practitionerId: 'nurse-1' });

  post.mockResolvedValue(answer(201, { id: 'appointment-1' }));
  await user.click(screen.getByRole('button', { name: 'Book' }));

  await waitFor(() => expect(onClose).toHaveBeenCalled());
  expect(post).toHaveBeenCalledTimes(1);
  const [path, { body }] = post.mock.calls[0];
  expect(path).toBe('/api/appointments');
  expect(body).toEqual({
    patientId: 'patient-1',
    serviceId: 'service-1',
    roomId: 'room-1',
    locationId: 'location-1',
    practitionerId: 'nurse-1',
    startsAt: '2027-01-11T14:00:00.000Z',
  });
});

it('books another free start when one is picked', async () => {
  const { user } = openDialog();
  await fillIn(user);
  await screen.findByText('2 free starts this day');
  await choose(user, 'Start', '10:30 AM');
  post.mockResolvedValue(answer(201, { id: 'appointment-1' }));
  await user.click(screen.getByRole('button', { name: 'Book' }));
  await waitFor(() => expect(post).toHaveBeenCalledTimes(1));
  expect(post.mock.calls[0][1].body.startsAt).toBe('2027-01-11T15:30:00.000Z');
});

it('warns when the clicked time is not free for the service', async () => {
  get.mockImplementation(answeringByPath({ '/api/services': SERVICES, '/api/rooms': ROOMS, '/api/patients': PATIENTS, '/api/availability': { slots: [FREE.slots[1]] } }));
  const { user } = openDialog();
  await choose(user, 'Service', 'Medical needling · 60 min');
  expect(await screen.findByText(/The time you clicked is not free for this service/)).toBeInTheDocument();
});

it('shows every rule the API names when it refuses, and stays open', async () => {
  const { user, onClose } = openDialog();
  await fillIn(user);
  post.mockResolvedValue(answer(422, violations('Nora Quinn is not working then', 'Only 20 days since the previous medical session (28 needed)')));
  await user.click(screen.getByRole('button', { name: 'Book' }));

  const alert = await screen.findByRole('alert');
  expect(within(alert).getByText('Not booked')).toBeInTheDocument();
  expect(within(alert).getByText('Nora Quinn is not working then')).toBeInTheDocument();
  expect(within(alert).getByText('Only 20 days since the previous medical session (28 needed)')).toBeInTheDocument();
  expect(onClose).not.toHaveBeenCalled();
});

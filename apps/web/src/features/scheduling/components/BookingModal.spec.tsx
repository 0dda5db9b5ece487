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
// 09:00 in New York on a winter Monday, in Nora Quinn's column.
const DRAFT: BookingDraft = { startsAt: new Date('2099-01-12T14:00:00.000Z'), practitionerId: 'nurse-1' };

const SERVICES = [
  { id: 'service-1', name: 'Medical needling', durationMin: 60, bufferMin: 15, procedureKind: 'medical_needling', consentKinds: [], minDaysBetweenMedicalSessions: 28, isActive: true, onlineBooking: 'off', description: '' },
  { id: 'service-2', name: 'Glow facial', durationMin: 45, bufferMin: 0, procedureKind: 'cosmetic_needling', consentKinds: [], minDaysBetweenMedicalSessions: 28, isActive: true, onlineBooking: 'off', description: '' },
  { id: 'service-old', name: 'Retired facial', durationMin: 30, bufferMin: 0, procedureKind: 'cosmetic_needling', consentKinds: [], minDaysBetweenMedicalSessions: 28, isActive: false },
];
const WORKING = [{ startsAt: '2099-01-12T14:00:00.000Z', endsAt: '2099-01-12T22:00:00.000Z' }];
const SCHEDULE = {
  locationId: 'location-1',
  timeZone: TZ,
  practitioners: [
    { id: 'aesthetician-1', name: 'Amy Lee', role: 'aesthetician', isActive: true, credentials: [{ licenceType: 'licensed_aesthetician', expiresOn: '2099-12-31' }], working: WORKING, timeOff: [] },
    { id: 'nurse-1', name: 'Nora Quinn', role: 'nurse', isActive: true, credentials: [{ licenceType: 'registered_nurse', expiresOn: '2099-12-31' }], working: WORKING, timeOff: [] },
  ],
  rooms: [
    { id: 'room-1', locationId: 'location-1', name: 'Room 1', isActive: true },
    { id: 'room-2', locationId: 'location-1', name: 'Room 2', isActive: true },
  ],
  appointments: [],
};
const PATIENTS = { items: [{ id: 'patient-1', firstName: 'Elena', lastName: 'Marsh', mrn: 'SL-7' }], pageSize: 10, hasMore: false, nextCursor: null };
// 09:00 is taken in both rooms; 10:30 has only Room 2 free. Times read in the clinic's format (en-US: 9:00 AM).
const FREE = {
  timeZone: TZ,
  gridMin: 15,
  slots: [
    { startsAt: '2099-01-12T15:30:00.000Z', endsAt: '2099-01-12T16:30:00.000Z', practitionerId: 'nurse-1', roomId: 'room-2', roomIds: ['room-2'] },
    { startsAt: '2099-01-12T16:00:00.000Z', endsAt: '2099-01-12T17:00:00.000Z', practitionerId: 'nurse-1', roomId: 'room-1', roomIds: ['room-1', 'room-2'] },
  ],
  practitioners: [],
  rooms: [],
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

async function options(user: ReturnType<typeof userEvent.setup>, label: string): Promise<string[]> {
  await user.click(screen.getByRole('textbox', { name: label }));
  const listbox = await screen.findByRole('listbox');
  const names = within(listbox)
    .queryAllByRole('option')
    .map((o) => o.textContent ?? '');
  await user.keyboard('{Escape}');
  return names;
}

async function pickPatient(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('textbox', { name: 'Patient' }), 'El');
  await user.click(await screen.findByRole('option', { name: 'Elena Marsh · SL-7' }));
}

beforeEach(() => {
  get.mockReset().mockImplementation(answeringByPath({ '/api/services': SERVICES, '/api/schedule': SCHEDULE, '/api/patients': PATIENTS, '/api/availability': FREE }));
  post.mockReset();
});

it("offers only the services the chosen practitioner's licence allows that day", async () => {
  const { user } = openDialog({ ...DRAFT, practitionerId: 'aesthetician-1' });
  await waitFor(() => expect(screen.getByRole('textbox', { name: 'Practitioner' })).toHaveValue('Amy Lee'));
  await screen.findByText(/Not offered: Medical needling \(Amy Lee's licen[cs]e does not allow it on this day\)/);
  expect(await options(user, 'Service')).toEqual(['Glow facial · 45 min']);
  // Nora's licence allows medical needling; inactive services are never offered.
  await choose(user, 'Practitioner', 'Nora Quinn');
  expect(await options(user, 'Service')).toEqual(['Medical needling · 60 min', 'Glow facial · 45 min']);
  // With medical needling chosen, Amy cannot be picked, and says why.
  await choose(user, 'Service', 'Medical needling · 60 min');
  await user.click(screen.getByRole('textbox', { name: 'Practitioner' }));
  expect(await screen.findByRole('option', { name: 'Amy Lee (licence does not allow Medical needling)' })).toHaveAttribute('data-combobox-disabled', 'true');
});

it('offers only starts where the practitioner and a room are free, and only the rooms free then', async () => {
  const { user } = openDialog();
  await pickPatient(user);
  await choose(user, 'Service', 'Medical needling · 60 min');
  // The clicked 09:00 has no free room: not offered, and said so.
  await screen.findByText('9:00 AM is not free for Medical needling with Nora Quinn: pick one of the free starts.');
  expect(await screen.findByText('2 free starts, each with a free room')).toBeInTheDocument();
  expect(await options(user, 'Start')).toEqual(['10:30 AM', '11:00 AM']);
  const availability = get.mock.calls.find(([path]) => path === '/api/availability');
  expect(availability?.[1].params.query).toMatchObject({ serviceId: 'service-1', locationId: 'location-1', practitionerId: 'nurse-1' });
  expect(screen.getByRole('button', { name: 'Book' })).toBeDisabled();

  await choose(user, 'Start', '10:30 AM');
  // Only Room 2 is free at 10:30, and it is chosen.
  expect(screen.getByRole('textbox', { name: 'Room' })).toHaveValue('Room 2');
  expect(await options(user, 'Room')).toEqual(['Room 2']);
  expect(screen.getByText('Medical needling on Jan 12, 2099, 10:30 – 11:30 AM with Nora Quinn in Room 2.')).toBeInTheDocument();

  post.mockResolvedValue(answer(201, { id: 'appointment-1' }));
  await user.click(screen.getByRole('button', { name: 'Book' }));
  await waitFor(() => expect(post).toHaveBeenCalledTimes(1));
  expect(post.mock.calls[0]).toEqual([
    '/api/appointments',
    { body: { patientId: 'patient-1', serviceId: 'service-1', roomId: 'room-2', locationId: 'location-1', practitionerId: 'nurse-1', startsAt: '2099-01-12T15:30:00.000Z' } },
  ]);
});

it('chooses the clicked start when it is free, and books it', async () => {
  const { user, onClose } = openDialog({ ...DRAFT, startsAt: new Date('2099-01-12T16:00:00.000Z') });
  await pickPatient(user);
  await choose(user, 'Service', 'Medical needling · 60 min');
  await waitFor(() => expect(screen.getByRole('textbox', { name: 'Start' })).toHaveValue('11:00 AM'));
  await waitFor(() => expect(screen.getByRole('textbox', { name: 'Room' })).toHaveValue('Room 1'));
  post.mockResolvedValue(answer(201, { id: 'appointment-1' }));
  await user.click(screen.getByRole('button', { name: 'Book' }));
  await waitFor(() => expect(onClose).toHaveBeenCalled());
  expect(post.mock.calls[0][1].body).toMatchObject({ roomId: 'room-1', startsAt: '2099-01-12T16:00:00.000Z' });
});

it('offers a clicked start already past when it is free (a walk-in recorded after it began)', async () => {
  const past = { ...FREE, slots: [{ ...FREE.slots[1], startsAt: '2020-01-06T16:00:00.000Z', endsAt: '2020-01-06T17:00:00.000Z' }] };
  get.mockImplementation(answeringByPath({ '/api/services': SERVICES, '/api/schedule': SCHEDULE, '/api/patients': PATIENTS, '/api/availability': past }));
  const { user } = openDialog({ startsAt: new Date('2020-01-06T16:00:00.000Z'), practitionerId: 'nurse-1' });
  await choose(user, 'Service', 'Medical needling · 60 min');
  await waitFor(() => expect(screen.getByRole('textbox', { name: 'Start' })).toHaveValue('11:00 AM (already past)'));
  const availability = get.mock.calls.find(([path]) => path === '/api/availability');
  expect(availability?.[1].params.query.notBefore).toBe('2020-01-06T16:00:00.000Z');
});

it('offers any practitioner’s starts, naming who, when none was chosen', async () => {
  get.mockImplementation(
    answeringByPath({
      '/api/services': SERVICES,
      '/api/schedule': SCHEDULE,
      '/api/patients': PATIENTS,
      '/api/availability': { ...FREE, slots: [{ ...FREE.slots[0], practitionerId: 'aesthetician-1' }, FREE.slots[1]] },
    }),
  );
  const { user } = openDialog({ date: '2099-01-12' });
  expect(screen.getByRole('textbox', { name: 'Practitioner' })).toHaveValue('Any practitioner');
  await choose(user, 'Service', 'Glow facial · 45 min');
  expect(await options(user, 'Start')).toEqual(['10:30 AM · Amy Lee', '11:00 AM · Nora Quinn']);
  const availability = get.mock.calls.find(([path]) => path === '/api/availability');
  expect(availability?.[1].params.query.practitionerId).toBeUndefined();
});

it('creates a new patient in place, through the duplicate warning, and books them', async () => {
  const { user } = openDialog();
  await user.type(screen.getByRole('textbox', { name: 'Patient' }), 'Jo Park');
  await user.click(screen.getByRole('button', { name: 'New patient' }));
  const form = screen.getByRole('region', { name: 'New patient' });
  expect(within(form).getByRole('textbox', { name: 'First name' })).toHaveValue('Jo');
  expect(within(form).getByRole('textbox', { name: 'Last name' })).toHaveValue('Park');
  expect(within(form).getByRole('button', { name: 'Create patient' })).toBeDisabled();
  await user.type(within(form).getByLabelText(/Date of birth/), '1990-05-17');
  await user.type(within(form).getByRole('textbox', { name: 'Mobile phone' }), '(718) 555-0142');

  post.mockResolvedValueOnce(
    answer(409, {
      type: 'urn:skinledger:problem:duplicate-patient',
      title: 'Possible duplicate',
      status: 409,
      candidates: [{ id: 'patient-9', mrn: 'SL-9', name: 'Jo Park', dateOfBirth: '1990-05-17', archived: false, matchedOn: ['name_and_date_of_birth'] }],
    }),
  );
  await user.click(within(form).getByRole('button', { name: 'Create patient' }));
  const warning = await within(form).findByRole('alert');
  expect(within(warning).getByText('This patient may already be registered')).toBeInTheDocument();
  expect(within(warning).getByText(/SL-9 · born May 17, 1990 · same name and date of birth/)).toBeInTheDocument();
  expect(within(warning).getByRole('button', { name: 'Book for Jo Park' })).toBeInTheDocument();

  post.mockResolvedValueOnce(answer(201, { id: 'patient-10', firstName: 'Jo', lastName: 'Park', mrn: 'SL-10' }));
  await user.click(within(warning).getByRole('button', { name: 'Create anyway' }));
  await waitFor(() => expect(screen.getByRole('textbox', { name: 'Patient' })).toHaveValue('Jo Park · SL-10'));
  expect(screen.queryByRole('region', { name: 'New patient' })).not.toBeInTheDocument();
  expect(post.mock.calls.map(([path, { body }]) => [path, body])).toEqual([
    ['/api/patients', { firstName: 'Jo', lastName: 'Park', dateOfBirth: '1990-05-17', sex: 'unknown', phone: '(718) 555-0142' }],
    ['/api/patients', { firstName: 'Jo', lastName: 'Park', dateOfBirth: '1990-05-17', sex: 'unknown', phone: '(718) 555-0142', confirmDuplicate: true }],
  ]);

  await choose(user, 'Service', 'Medical needling · 60 min');
  await choose(user, 'Start', '11:00 AM');
  post.mockResolvedValueOnce(answer(201, { id: 'appointment-1' }));
  await user.click(screen.getByRole('button', { name: 'Book' }));
  await waitFor(() => expect(post).toHaveBeenCalledTimes(3));
  expect(post.mock.calls[2][1].body).toMatchObject({ patientId: 'patient-10', startsAt: '2099-01-12T16:00:00.000Z' });
});

it('starts from a preselected patient (the profile) and chooses the existing record from the duplicate warning', async () => {
  const { user } = openDialog({ date: '2099-01-12', patient: { id: 'patient-1', label: 'Elena Marsh · SL-7' } });
  expect(screen.getByRole('textbox', { name: 'Patient' })).toHaveValue('Elena Marsh · SL-7');
  await user.click(screen.getByRole('button', { name: 'New patient' }));
  const form = screen.getByRole('region', { name: 'New patient' });
  await user.type(within(form).getByRole('textbox', { name: 'First name' }), 'Jo');
  await user.type(within(form).getByRole('textbox', { name: 'Last name' }), 'Park');
  await user.type(within(form).getByLabelText(/Date of birth/), '1990-05-17');
  post.mockResolvedValueOnce(
    answer(409, { type: 'urn:skinledger:problem:duplicate-patient', status: 409, title: 'Possible duplicate', candidates: [{ id: 'patient-9', mrn: 'SL-9', name: 'Jo Park', dateOfBirth: '1990-05-17', archived: false, matchedOn: ['phone'] }] }),
  );
  await user.click(within(form).getByRole('button', { name: 'Create patient' }));
  await user.click(await within(form).findByRole('button', { name: 'Book for Jo Park' }));
  expect(screen.getByRole('textbox', { name: 'Patient' })).toHaveValue('Jo Park · SL-9');
  expect(post).toHaveBeenCalledTimes(1);
});

it('shows every rule the API names when it refuses, and stays open', async () => {
  const { user, onClose } = openDialog();
  await pickPatient(user);
  await choose(user, 'Service', 'Medical needling · 60 min');
  await choose(user, 'Start', '11:00 AM');
  post.mockResolvedValue(answer(422, violations('Nora Quinn is not working then', 'Only 20 days since the previous medical session (28 needed)')));
  await user.click(screen.getByRole('button', { name: 'Book' }));

  const alert = await screen.findByRole('alert');
  expect(within(alert).getByText('Not booked')).toBeInTheDocument();
  expect(within(alert).getByText('Nora Quinn is not working then')).toBeInTheDocument();
  expect(within(alert).getByText('Only 20 days since the previous medical session (28 needed)')).toBeInTheDocument();
  expect(onClose).not.toHaveBeenCalled();
});

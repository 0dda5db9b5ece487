import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '@web/lib/api/apiClient';
import { answer, answeringByPath, renderWithProviders } from '@web-test/renderWithProviders';
import { APPOINTMENT } from '@web-test/appointmentFixtures';
import { RescheduleDialog, dayWindow } from './RescheduleDialog';

jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), PATCH: jest.fn() } }));
const get = api.GET as unknown as jest.Mock;
const patch = api.PATCH as unknown as jest.Mock;

const FREE = {
  timeZone: 'America/New_York',
  gridMin: 15,
  slots: [
    // Its own start is not offered back as a move.
    { startsAt: '2026-12-02T15:30:00.000Z', endsAt: '2026-12-02T16:30:00.000Z', practitionerId: 'nurse-1', roomId: 'room-1' },
    { startsAt: '2026-12-02T16:00:00.000Z', endsAt: '2026-12-02T17:00:00.000Z', practitionerId: 'nurse-1', roomId: 'room-2' },
    { startsAt: '2026-12-02T19:15:00.000Z', endsAt: '2026-12-02T20:15:00.000Z', practitionerId: 'nurse-1', roomId: 'room-1' },
  ],
  practitioners: [{ id: 'nurse-1', name: 'Nora Reyes' }],
  rooms: [
    { id: 'room-1', name: 'Room 1' },
    { id: 'room-2', name: 'Room 2' },
  ],
};

beforeEach(() => {
  get.mockReset().mockImplementation(answeringByPath({ '/api/availability': FREE }));
  patch.mockReset();
});

function openDialog() {
  const onRescheduled = jest.fn();
  renderWithProviders(<RescheduleDialog appointment={APPOINTMENT} opened onClose={jest.fn()} onRescheduled={onRescheduled} />);
  return { onRescheduled, user: userEvent.setup() };
}

it('asks the booking engine for the same service, location and practitioner that day, its own time counted as free', async () => {
  openDialog();
  expect(await screen.findByText('Free starts on Wednesday, December 2, 2026 (America/New_York)')).toBeInTheDocument();
  const query = get.mock.calls.find(([path]) => path === '/api/availability')?.[1].params.query;
  expect(query).toEqual({
    serviceId: 'service-1',
    locationId: 'location-1',
    practitionerId: 'nurse-1',
    excludeAppointmentId: 'appointment-1',
    from: '2026-12-02T05:00:00.000Z',
    to: '2026-12-03T04:59:59.999Z',
  });
  expect(await screen.findByRole('radio', { name: /11:00\sAM\s*Room 2/ })).toBeInTheDocument();
  expect(screen.getByRole('radio', { name: /2:15\sPM\s*Room 1/ })).toBeInTheDocument();
  expect(screen.getByText('Morning')).toBeInTheDocument();
  expect(screen.getByText('Afternoon')).toBeInTheDocument();
  expect(screen.queryByRole('radio', { name: /10:30\sAM/ })).not.toBeInTheDocument();
});

it('moves to the chosen start with its room, and says the patient is told', async () => {
  const { user, onRescheduled } = openDialog();
  expect(screen.getByRole('button', { name: 'Reschedule' })).toBeDisabled();
  await user.click(await screen.findByRole('radio', { name: /11:00\sAM/ }));
  expect(screen.getByText(/Elena gets the new time by message/)).toBeInTheDocument();
  const moved = { ...APPOINTMENT, startsAt: '2026-12-02T16:00:00.000Z', roomId: 'room-2' };
  patch.mockResolvedValue(answer(200, moved));
  await user.click(screen.getByRole('button', { name: 'Reschedule' }));
  await waitFor(() => expect(onRescheduled).toHaveBeenCalledWith(moved));
  expect(patch).toHaveBeenCalledWith('/api/appointments/{id}', {
    params: { path: { id: 'appointment-1' } },
    body: { startsAt: '2026-12-02T16:00:00.000Z', practitionerId: 'nurse-1', roomId: 'room-2' },
  });
});

it('looks at other practitioners on request and at the next day', async () => {
  const { user } = openDialog();
  await screen.findByRole('radio', { name: /11:00\sAM/ });
  await user.click(screen.getByRole('checkbox', { name: 'Other practitioners too' }));
  await waitFor(() => expect(get.mock.calls.some(([path, init]) => path === '/api/availability' && init.params.query.practitionerId === undefined)).toBe(true));
  await user.click(screen.getByRole('button', { name: 'Next day' }));
  expect(await screen.findByText(/Free starts on Thursday, December 3, 2026/)).toBeInTheDocument();
});

it('names the room once when every start is in it', async () => {
  get.mockImplementation(answeringByPath({ '/api/availability': { ...FREE, slots: FREE.slots.filter((s) => s.roomId === 'room-1') } }));
  openDialog();
  expect(await screen.findByText(/Free starts on Wednesday, December 2, 2026 \(America\/New_York\), all in Room 1/)).toBeInTheDocument();
  expect(screen.getByRole('radio', { name: /^2:15\sPM$/ })).toBeInTheDocument();
});

it('shows a refusal (someone took the time meanwhile) in the API’s words', async () => {
  const { user } = openDialog();
  await user.click(await screen.findByRole('radio', { name: /2:15\sPM/ }));
  patch.mockResolvedValue(answer(409, { type: 'urn:skinledger:problem:double-booking', title: 'Conflict', status: 409, detail: 'Nora Reyes is already booked 2:15 PM–3:30 PM with another patient' }));
  await user.click(screen.getByRole('button', { name: 'Reschedule' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Nora Reyes is already booked 2:15 PM–3:30 PM with another patient');
});

it('turns a day of the location into its instants across a DST change', () => {
  expect(dayWindow('2027-03-14', 'America/New_York')).toEqual({ from: '2027-03-14T05:00:00.000Z', to: '2027-03-15T03:59:59.999Z', key: '2027-03-14' });
  expect(dayWindow('not a day', 'America/New_York')).toBeUndefined();
});

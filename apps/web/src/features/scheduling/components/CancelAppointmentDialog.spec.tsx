import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '@web/lib/api/apiClient';
import { answer, answeringByPath, renderWithProviders } from '@web-test/renderWithProviders';
import { CancelAppointmentDialog } from './CancelAppointmentDialog';
import { APPOINTMENT } from '@web-test/appointmentFixtures';

// Only the typed API client is replaced: the hooks, React Query and the dialog run as in the dashboard.
jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), POST: jest.fn() } }));
const get = api.GET as unknown as jest.Mock;
const post = api.POST as unknown as jest.Mock;

const START = new Date(APPOINTMENT.startsAt).getTime();
const hoursBefore = (h: number) => () => START - h * 3_600_000;

function openDialog(now: () => number) {
  const onCancelled = jest.fn();
  const onClose = jest.fn();
  renderWithProviders(<CancelAppointmentDialog appointment={APPOINTMENT} opened onClose={onClose} onCancelled={onCancelled} now={now} />);
  return { onCancelled, onClose, user: userEvent.setup() };
}

beforeEach(() => {
  get.mockReset().mockImplementation(answeringByPath({ '/api/settings/cancellations': { lateCancellationHours: 24, customized: false } }));
  post.mockReset();
});

it('names the appointment in the location’s time and says beforehand that a patient’s cancellation is late', async () => {
  const { user } = openDialog(hoursBefore(5));
  expect(screen.getByText('Elena Marsh')).toBeInTheDocument();
  expect(screen.getByText(/Medical needling with Nora Reyes/)).toBeInTheDocument();
  expect(screen.getByText(/Dec 2, 2026, 10:30\sAM · Room 1/)).toBeInTheDocument();
  expect(await screen.findByText(/starts in 5 h, inside the clinic’s 24-hour window: it will be recorded as a late cancellation/)).toBeInTheDocument();
  // The clinic cancelling is never late.
  await user.click(screen.getByText('The clinic'));
  expect(screen.queryByText(/recorded as a late cancellation/)).not.toBeInTheDocument();
});

it('is not late outside the window', async () => {
  openDialog(hoursBefore(30));
  expect(await screen.findByText('More than 24 hours before the start: not a late cancellation.')).toBeInTheDocument();
  expect(screen.queryByText('Late cancellation')).not.toBeInTheDocument();
});

it('needs a reason, then sends it with who cancelled', async () => {
  const { user, onCancelled } = openDialog(hoursBefore(5));
  await user.click(screen.getByRole('button', { name: 'Cancel appointment' }));
  expect(await screen.findByText('Give a reason for the cancellation')).toBeInTheDocument();
  expect(post).not.toHaveBeenCalled();
  await user.click(screen.getByRole('checkbox', { name: 'Patient unwell' }));
  expect(screen.getByRole('textbox', { name: /Reason/ })).toHaveValue('Patient unwell');
  await user.type(screen.getByRole('textbox', { name: /Reason/ }), ', fever');
  const cancelled = { ...APPOINTMENT, status: 'cancelled', cancelReason: 'Patient unwell, fever', cancelledBy: 'patient', lateCancellation: true };
  post.mockResolvedValue(answer(200, cancelled));
  await user.click(screen.getByRole('button', { name: 'Cancel appointment' }));
  await waitFor(() => expect(onCancelled).toHaveBeenCalledWith(cancelled));
  expect(post).toHaveBeenCalledWith('/api/appointments/{id}/cancel', { params: { path: { id: 'appointment-1' } }, body: { reason: 'Patient unwell, fever', cancelledBy: 'patient' } });
});

it('shows the API’s refusal in its words and keeps the dialog open', async () => {
  const { user, onCancelled } = openDialog(hoursBefore(5));
  await user.type(screen.getByRole('textbox', { name: /Reason/ }), 'Travel');
  post.mockResolvedValue(answer(409, { type: 'urn:skinledger:problem:illegal-transition', title: 'Conflict', status: 409, detail: 'A completed appointment cannot become cancelled' }));
  await user.click(screen.getByRole('button', { name: 'Cancel appointment' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('A completed appointment cannot become cancelled');
  expect(onCancelled).not.toHaveBeenCalled();
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '@web/lib/api/apiClient';
import { answer, answeringByPath, renderWithProviders } from '@web-test/renderWithProviders';
import { AppointmentLifecycleActions, lifecycleActions } from './AppointmentLifecycleActions';
import { APPOINTMENT } from '@web-test/appointmentFixtures';

jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), POST: jest.fn(), PATCH: jest.fn() } }));
const get = api.GET as unknown as jest.Mock;
const post = api.POST as unknown as jest.Mock;

beforeEach(() => {
  get.mockReset().mockImplementation(answeringByPath({ '/api/settings/cancellations': { lateCancellationHours: 24, customized: false } }));
  post.mockReset();
});

it('follows the status flow: no-show only once the start has come, nothing after treatment', () => {
  const before = new Date(APPOINTMENT.startsAt).getTime() - 60_000;
  expect(lifecycleActions(APPOINTMENT, before)).toEqual({ confirm: true, reschedule: true, cancel: true, noShow: false });
  expect(lifecycleActions(APPOINTMENT, before + 120_000).noShow).toBe(true);
  expect(lifecycleActions({ ...APPOINTMENT, status: 'confirmed' }, before)).toEqual({ confirm: false, reschedule: true, cancel: true, noShow: false });
  expect(lifecycleActions({ ...APPOINTMENT, status: 'checked_in' }, before)).toEqual({ confirm: false, reschedule: false, cancel: true, noShow: false });
  for (const status of ['in_treatment', 'completed', 'cancelled', 'no_show'] as const) {
    expect(Object.values(lifecycleActions({ ...APPOINTMENT, status }, before)).some(Boolean)).toBe(false);
  }
});

it('confirms with one click and opens the cancel dialog from the drawer buttons', async () => {
  const onChanged = jest.fn();
  renderWithProviders(<AppointmentLifecycleActions appointment={APPOINTMENT} onChanged={onChanged} />);
  const user = userEvent.setup();
  post.mockResolvedValue(answer(200, { ...APPOINTMENT, status: 'confirmed' }));
  await user.click(screen.getByRole('button', { name: 'Confirm' }));
  await waitFor(() => expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ status: 'confirmed' })));
  expect(post).toHaveBeenCalledWith('/api/appointments/{id}/confirm', { params: { path: { id: 'appointment-1' } } });
  await user.click(screen.getByRole('button', { name: 'Cancel…' }));
  expect(await screen.findByRole('dialog', { name: 'Cancel appointment' })).toBeInTheDocument();
});

it('offers the same actions from a menu in table rows, named for the appointment', async () => {
  renderWithProviders(<AppointmentLifecycleActions appointment={APPOINTMENT} compact />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: /^Actions: Medical needling, Wed, Dec 2, 2026, 10:30\sAM$/ }));
  expect(await screen.findByRole('menuitem', { name: 'Reschedule…' })).toBeInTheDocument();
  expect(screen.getByRole('menuitem', { name: 'Cancel…' })).toBeInTheDocument();
});

it('shows nothing for an appointment already treated', () => {
  renderWithProviders(<AppointmentLifecycleActions appointment={{ ...APPOINTMENT, status: 'completed' }} />);
  expect(screen.queryByRole('button')).not.toBeInTheDocument();
});

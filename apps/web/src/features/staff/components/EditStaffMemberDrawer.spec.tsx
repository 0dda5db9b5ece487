import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '@web/lib/api/apiClient';
import type { StaffMember } from '@web/features/staff/hooks/useStaffList';
import { answer, answeringByPath, renderWithProviders } from '@web-test/renderWithProviders';
import { EditStaffMemberDrawer } from './EditStaffMemberDrawer';

// Only the typed API client is replaced: the form, its hook and React Query run as in the dashboard.
jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), PATCH: jest.fn() } }));
const get = api.GET as unknown as jest.Mock;
const patch = api.PATCH as unknown as jest.Mock;

const LICENCE = { licenceType: 'registered_nurse', licenceNumber: 'RN-204518', jurisdiction: 'New York', expiresOn: '2028-01-31' } as const;
const NORA: StaffMember = {
  id: 'staff-2',
  email: 'nora@clinic.test',
  name: 'Nora Quinn',
  role: 'nurse',
  isActive: true,
  deactivatedAt: null,
  defaultLocationId: null,
  credentials: [{ id: 'credential-1', ...LICENCE } as StaffMember['credentials'][number]],
  createdAt: '2026-01-05T10:00:00.000Z',
  mfaEnabled: false,
};

beforeEach(() => {
  get.mockReset().mockImplementation(answeringByPath({ '/api/locations': [] }));
  patch.mockReset().mockResolvedValue(answer(200, { ...NORA, name: 'Nora Quinn-Hale' }));
});

function openDrawer() {
  const onClose = jest.fn();
  renderWithProviders(<EditStaffMemberDrawer member={NORA} onClose={onClose} />);
  return { onClose, user: userEvent.setup() };
}

it('sends only what changed: a new name, not the untouched credentials or the blank password', async () => {
  const { user, onClose } = openDrawer();
  const name = screen.getByLabelText(/Full name/);
  await user.clear(name);
  await user.click(name);
  await user.paste('Nora Quinn-Hale');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));

  await waitFor(() => expect(onClose).toHaveBeenCalled());
  expect(patch).toHaveBeenCalledWith('/api/staff/{id}', { params: { path: { id: 'staff-2' } }, body: { name: 'Nora Quinn-Hale' } });
});

it('sends the whole new set of credentials when one is added', async () => {
  const { user, onClose } = openDrawer();
  const credentials = screen.getByRole('group', { name: 'Practitioner credentials' });
  await user.click(within(credentials).getByRole('button', { name: 'Add another credential' }));
  const second = within(credentials).getByRole('group', { name: 'Credential 2' });
  await user.click(within(second).getByLabelText(/Licen[cs]e number/));
  await user.paste('NP-88');
  await user.click(within(second).getByLabelText('Jurisdiction'));
  await user.paste('New Jersey');
  await user.click(within(second).getByLabelText('Expiry date'));
  await user.paste('2029-06-30');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));

  await waitFor(() => expect(onClose).toHaveBeenCalled());
  expect(patch.mock.calls[0][1].body).toEqual({
    credentials: [LICENCE, { licenceType: 'registered_nurse', licenceNumber: 'NP-88', jurisdiction: 'New Jersey', expiresOn: '2029-06-30' }],
  });
});

it('refuses a new password that is too short, and closes without a request when nothing changed', async () => {
  const { user, onClose } = openDrawer();
  await user.click(screen.getByLabelText('Reset password'));
  await user.paste('short');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  expect(await screen.findByText('Use at least 12 characters')).toBeInTheDocument();

  await user.clear(screen.getByLabelText('Reset password'));
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await waitFor(() => expect(onClose).toHaveBeenCalled());
  expect(patch).not.toHaveBeenCalled();
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '@web/lib/api/apiClient';
import { answer, answeringByPath, invalidFields, renderWithProviders } from '@web-test/renderWithProviders';
import { AddStaffMemberModal } from './AddStaffMemberModal';

// Only the typed API client is replaced: the form, its hook and React Query run as in the dashboard.
jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), POST: jest.fn() } }));
const get = api.GET as unknown as jest.Mock;
const post = api.POST as unknown as jest.Mock;

const LOCATIONS = [{ id: 'location-1', name: 'Harbour Street', timezone: 'America/New_York', address: '', phone: '', isActive: true }];
const PASSWORD = 'violet harbour lantern 42';

beforeEach(() => {
  get.mockReset().mockImplementation(answeringByPath({ '/api/locations': LOCATIONS }));
  post.mockReset();
});

function openDialog() {
  const onClose = jest.fn();
  renderWithProviders(<AddStaffMemberModal opened onClose={onClose} />);
  return { onClose, user: userEvent.setup() };
}

type User = ReturnType<typeof userEvent.setup>;

/** Types into a field as a user pasting (typing key by key only makes the test slow). */
async function fill(user: User, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

async function chooseRole(user: User, role: string) {
  await user.click(screen.getByRole('textbox', { name: /Role/ }));
  await user.click(await screen.findByRole('option', { name: role }));
}

/** A nurse with name, e-mail and password filled in; the credentials editor opens with one row for her licence. */
async function startNurse(user: User) {
  await fill(user, screen.getByLabelText(/Full name/), '  Nora Quinn ');
  await fill(user, screen.getByLabelText(/Email/), 'nora@clinic.test');
  await chooseRole(user, 'Nurse');
  await fill(user, screen.getByLabelText(/Temporary password/), PASSWORD);
  return screen.getByRole('group', { name: 'Practitioner credentials' });
}

it('says what is missing and sends nothing', async () => {
  const { user } = openDialog();
  await user.click(screen.getByRole('button', { name: 'Create staff member' }));
  expect(await screen.findByText('Enter their full name')).toBeInTheDocument();
  expect(screen.getByText('Enter a valid email address')).toBeInTheDocument();
  expect(screen.getByText('Choose a role')).toBeInTheDocument();
  expect(screen.getByText('Use at least 12 characters')).toBeInTheDocument();
  expect(post).not.toHaveBeenCalled();
});

it('asks for the rest of a credential that was started', async () => {
  const { user } = openDialog();
  const credentials = await startNurse(user);
  expect(within(credentials).getByRole('textbox', { name: /Licen[cs]e type/ })).toHaveValue('Registered nurse');
  await fill(user, within(credentials).getByLabelText(/Licen[cs]e number/), 'RN-204518');
  await user.click(screen.getByRole('button', { name: 'Create staff member' }));

  expect(await screen.findByText('Enter the issuing state, province or country')).toBeInTheDocument();
  expect(screen.getByText('Enter the expiry date')).toBeInTheDocument();
  expect(post).not.toHaveBeenCalled();
});

it('creates the practitioner with her licence, trimmed, and closes', async () => {
  const { user, onClose } = openDialog();
  const credentials = await startNurse(user);
  await fill(user, within(credentials).getByLabelText(/Licen[cs]e number/), ' RN-204518 ');
  await fill(user, within(credentials).getByLabelText('Jurisdiction'), 'New York');
  await fill(user, within(credentials).getByLabelText('Expiry date'), '2028-01-31');
  // A second row left empty is not a credential.
  await user.click(within(credentials).getByRole('button', { name: 'Add another credential' }));
  post.mockResolvedValue(answer(201, { id: 'staff-2', name: 'Nora Quinn' }));
  await user.click(screen.getByRole('button', { name: 'Create staff member' }));

  await waitFor(() => expect(onClose).toHaveBeenCalled());
  expect(post).toHaveBeenCalledTimes(1);
  const [path, { body }] = post.mock.calls[0];
  expect(path).toBe('/api/staff');
  expect(body).toEqual({
    name: 'Nora Quinn',
    email: 'nora@clinic.test',
    role: 'nurse',
    password: PASSWORD,
    defaultLocationId: null,
    credentials: [{ licenceType: 'registered_nurse', licenceNumber: 'RN-204518', jurisdiction: 'New York', expiresOn: '2028-01-31' }],
  });
});

it('puts the API’s problem with a credential on that credential’s field', async () => {
  const { user, onClose } = openDialog();
  const credentials = await startNurse(user);
  await fill(user, within(credentials).getByLabelText(/Licen[cs]e number/), 'RN-204518');
  await fill(user, within(credentials).getByLabelText('Jurisdiction'), 'New York');
  await fill(user, within(credentials).getByLabelText('Expiry date'), '2020-01-31');
  post.mockResolvedValue(answer(400, invalidFields(['credentials[0].expiresOn', 'The licence has expired'])));
  await user.click(screen.getByRole('button', { name: 'Create staff member' }));

  await waitFor(() => expect(within(credentials).getByLabelText('Expiry date')).toHaveAttribute('aria-invalid', 'true'));
  expect(onClose).not.toHaveBeenCalled();
});

it('sends no credentials for a role that holds none', async () => {
  const { user, onClose } = openDialog();
  await startNurse(user);
  await chooseRole(user, 'Front desk');
  expect(screen.queryByRole('group', { name: 'Practitioner credentials' })).not.toBeInTheDocument();
  post.mockResolvedValue(answer(201, { id: 'staff-2', name: 'Nora Quinn' }));
  await user.click(screen.getByRole('button', { name: 'Create staff member' }));

  await waitFor(() => expect(onClose).toHaveBeenCalled());
  const { body } = post.mock.calls[0][1];
  expect(body.role).toBe('front_desk');
  expect(body).not.toHaveProperty('credentials');
});

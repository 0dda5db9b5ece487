import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, invalidFields, renderWithProviders } from '@web-test/renderWithProviders';
import { api } from '@web/lib/api/apiClient';
import { PatientForm } from './PatientForm';

// The typed API client is the only thing replaced: hooks, React Query and the form run as in the dashboard.
jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), POST: jest.fn(), PATCH: jest.fn() } }));
const post = api.POST as unknown as jest.Mock;

function renderNewPatientForm() {
  const onDone = jest.fn();
  renderWithProviders(<PatientForm patient={null} onDone={onDone} />, { routes: { '/patients/:id': <p>Patient profile</p> } });
  return { onDone, user: userEvent.setup() };
}

beforeEach(() => post.mockReset());

/** Fills an input as a user pasting into it (typing key by key only makes the test slow). */
async function fill(user: ReturnType<typeof userEvent.setup>, label: string | RegExp, text: string) {
  await user.click(screen.getByLabelText(label));
  await user.paste(text);
}

it('shows what is missing and sends nothing when saved empty', async () => {
  const { user } = renderNewPatientForm();
  await user.click(screen.getByRole('button', { name: 'Save patient' }));
  expect(await screen.findByText('Enter the first name')).toBeInTheDocument();
  expect(screen.getByText('Enter the last name')).toBeInTheDocument();
  expect(screen.getByText('Enter the date of birth')).toBeInTheDocument();
  expect(post).not.toHaveBeenCalled();
});

it('registers the patient with what was typed, trimmed, and opens the new profile', async () => {
  const { user } = renderNewPatientForm();
  post.mockResolvedValue(answer(201, { id: 'patient-1', firstName: 'Ana', lastName: 'Silva' }));
  await fill(user, /First name/, '  Ana ');
  await fill(user, /Last name/, 'Silva');
  await fill(user, /Date of birth/, '1990-06-15');
  await fill(user, 'Email', 'ana@example.com');
  await user.click(screen.getByRole('button', { name: 'Save patient' }));

  expect(await screen.findByText('Patient profile')).toBeInTheDocument();
  expect(post).toHaveBeenCalledTimes(1);
  const [path, { body }] = post.mock.calls[0];
  expect(path).toBe('/api/patients');
  expect(body).toMatchObject({ firstName: 'Ana', lastName: 'Silva', dateOfBirth: '1990-06-15', email: 'ana@example.com', phone: null });
});

it('puts the API’s field problem next to the field it names', async () => {
  const { user } = renderNewPatientForm();
  post.mockResolvedValue(answer(400, invalidFields(['email', 'email must be an email'])));
  await fill(user, /First name/, 'Ana');
  await fill(user, /Last name/, 'Silva');
  await fill(user, /Date of birth/, '1990-06-15');
  await user.click(screen.getByRole('button', { name: 'Save patient' }));

  await waitFor(() => expect(post).toHaveBeenCalledTimes(1));
  expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
  expect(screen.queryByText('Patient profile')).not.toBeInTheDocument();
});

it('cancels without saving', async () => {
  const { user, onDone } = renderNewPatientForm();
  await user.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(onDone).toHaveBeenCalled();
  expect(post).not.toHaveBeenCalled();
});

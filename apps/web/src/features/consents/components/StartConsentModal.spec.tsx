import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '@web/lib/api/apiClient';
import { answer, answeringByPath, invalidFields, renderWithProviders } from '@web-test/renderWithProviders';
import { StartConsentModal } from './StartConsentModal';

// Only the typed API client is replaced: the dialog, its hooks and React Query run as in the dashboard.
jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), POST: jest.fn() } }));
const get = api.GET as unknown as jest.Mock;
const post = api.POST as unknown as jest.Mock;

const template = (id: string, kind: string, title: string, needsReview = false) => ({ id, kind, title, currentVersion: 2, needsReview, isDefault: true });
const TEMPLATES = [
  template('template-medical', 'medical_needling', 'Medical micro-needling consent'),
  template('template-photos', 'photography', 'Photography consent', true),
];

beforeEach(() => {
  get.mockReset().mockImplementation(answeringByPath({ '/api/consent-templates': TEMPLATES }));
  post.mockReset();
});

function openDialog() {
  const onClose = jest.fn();
  renderWithProviders(<StartConsentModal patientId="patient-1" opened onClose={onClose} />, {
    routes: { '/kiosk/consents/:id': <p>Signing kiosk</p> },
  });
  return { onClose, user: userEvent.setup() };
}

async function chooseTemplate(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('textbox', { name: 'Consent form' }));
  await user.click(await screen.findByRole('option', { name }));
}

it('prepares a needling consent with the procedure and depth range, then opens the kiosk', async () => {
  const { user, onClose } = openDialog();
  expect(screen.getByRole('button', { name: 'Prepare and open kiosk' })).toBeDisabled();
  await chooseTemplate(user, 'Medical micro-needling consent (Medical micro-needling, v2)');
  await user.click(screen.getByLabelText('Procedure'));
  await user.paste('  Acne scars, cheeks ');
  await user.type(screen.getByLabelText('Depth from (mm)'), '1');
  await user.type(screen.getByLabelText('Depth to (mm)'), '1.5');
  post.mockResolvedValue(answer(201, { id: 'consent-9', patientId: 'patient-1' }));
  await user.click(screen.getByRole('button', { name: 'Prepare and open kiosk' }));

  expect(await screen.findByText('Signing kiosk')).toBeInTheDocument();
  expect(onClose).toHaveBeenCalled();
  expect(post).toHaveBeenCalledWith('/api/patients/{id}/consents', {
    params: { path: { id: 'patient-1' } },
    body: { templateId: 'template-medical', procedure: 'Acne scars, cheeks', depthMinMm: 1, depthMaxMm: 1.5 },
  });
});

it('asks no depth for a consent without needling, and says when its version awaits approval', async () => {
  const { user } = openDialog();
  await chooseTemplate(user, 'Photography consent (Photography, v2)');
  expect(screen.getByText(/Version 2 has not been approved yet/)).toBeInTheDocument();
  expect(screen.queryByLabelText('Depth from (mm)')).not.toBeInTheDocument();
  post.mockResolvedValue(answer(201, { id: 'consent-9', patientId: 'patient-1' }));
  await user.click(screen.getByRole('button', { name: 'Prepare and open kiosk' }));

  await waitFor(() => expect(post).toHaveBeenCalledTimes(1));
  expect(post.mock.calls[0][1].body).toEqual({ templateId: 'template-photos' });
});

it('shows the API’s refusal on the field it names and stays open', async () => {
  const { user, onClose } = openDialog();
  await chooseTemplate(user, 'Medical micro-needling consent (Medical micro-needling, v2)');
  await user.type(screen.getByLabelText('Depth from (mm)'), '2');
  await user.type(screen.getByLabelText('Depth to (mm)'), '1');
  post.mockResolvedValue(answer(400, invalidFields(['depthMaxMm', 'depthMaxMm must not be below depthMinMm'])));
  await user.click(screen.getByRole('button', { name: 'Prepare and open kiosk' }));

  await waitFor(() => expect(screen.getByLabelText('Depth to (mm)')).toHaveAttribute('aria-invalid', 'true'));
  expect(onClose).not.toHaveBeenCalled();
  expect(screen.queryByText('Signing kiosk')).not.toBeInTheDocument();
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '@web/lib/api/apiClient';
import { answer, answeringByPath, invalidFields, renderWithProviders, signedInAs } from '@web-test/renderWithProviders';
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

const member = (id: string, name: string, role: string, licenceType: string | null, expiresOn = '2099-12-31') => ({
  id,
  name,
  role,
  email: `${id}@clinic.test`,
  isActive: true,
  credentials: licenceType ? [{ id: `${id}-licence`, licenceType, licenceNumber: 'L-1', jurisdiction: 'NY', expiresOn, current: expiresOn >= '2026-01-01' }] : [],
});
const STAFF = [
  member('staff-me', 'Olivia Owner', 'owner', null),
  member('desk', 'Tom Alvarez', 'front_desk', null),
  member('nurse', 'Nora Reyes', 'nurse', 'registered_nurse'),
  member('esthe', 'Chloe Park', 'aesthetician', 'licensed_aesthetician'),
  member('lapsed', 'Leo Grant', 'physician', 'physician', '2020-01-31'),
];

beforeEach(() => {
  get.mockReset().mockImplementation(answeringByPath({ '/api/consent-templates': TEMPLATES, '/api/staff': STAFF }));
  post.mockReset();
});

function openDialog(user = signedInAs('owner')) {
  const onClose = jest.fn();
  renderWithProviders(<StartConsentModal patientId="patient-1" opened onClose={onClose} />, {
    routes: { '/kiosk/consents/:id': <p>Signing kiosk</p> },
    user,
  });
  return { onClose, user: userEvent.setup() };
}

async function choosePractitioner(user: ReturnType<typeof userEvent.setup>, name: RegExp) {
  await user.click(screen.getByRole('textbox', { name: /Treating practitioner/ }));
  await user.click(await screen.findByRole('option', { name }));
}

async function chooseTemplate(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('textbox', { name: 'Consent form' }));
  await user.click(await screen.findByRole('option', { name }));
}

it('prepares a needling consent with the procedure and depth range, then opens the kiosk', async () => {
  const { user, onClose } = openDialog();
  expect(screen.getByRole('button', { name: 'Prepare and open kiosk' })).toBeDisabled();
  await chooseTemplate(user, 'Medical micro-needling consent (Medical micro-needling, v2)');
  await choosePractitioner(user, /^Nora Reyes · Nurse/);
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
    body: { templateId: 'template-medical', practitionerId: 'nurse', procedure: 'Acne scars, cheeks', depthMinMm: 1, depthMaxMm: 1.5 },
  });
});

it('asks no depth for a consent without needling, and says when its version awaits approval', async () => {
  const { user } = openDialog();
  await chooseTemplate(user, 'Photography consent (Photography, v2)');
  expect(screen.getByText(/Version 2 has not been approved yet/)).toBeInTheDocument();
  expect(screen.queryByLabelText('Depth from (mm)')).not.toBeInTheDocument();
  await choosePractitioner(user, /^Chloe Park · Aesthetician/);
  post.mockResolvedValue(answer(201, { id: 'consent-9', patientId: 'patient-1' }));
  await user.click(screen.getByRole('button', { name: 'Prepare and open kiosk' }));

  await waitFor(() => expect(post).toHaveBeenCalledTimes(1));
  expect(post.mock.calls[0][1].body).toEqual({ templateId: 'template-photos', practitionerId: 'esthe' });
});

it('shows the API’s refusal on the field it names and stays open', async () => {
  const { user, onClose } = openDialog();
  await chooseTemplate(user, 'Medical micro-needling consent (Medical micro-needling, v2)');
  await choosePractitioner(user, /^Nora Reyes/);
  await user.type(screen.getByLabelText('Depth from (mm)'), '2');
  await user.type(screen.getByLabelText('Depth to (mm)'), '1');
  post.mockResolvedValue(answer(400, invalidFields(['depthMaxMm', 'depthMaxMm must not be below depthMinMm'])));
  await user.click(screen.getByRole('button', { name: 'Prepare and open kiosk' }));

  await waitFor(() => expect(screen.getByLabelText('Depth to (mm)')).toHaveAttribute('aria-invalid', 'true'));
  expect(onClose).not.toHaveBeenCalled();
  expect(screen.queryByText('Signing kiosk')).not.toBeInTheDocument();
});

describe('the treating practitioner', () => {
  it('is empty and required for the front desk, who are never offered as practitioners', async () => {
    const { user } = openDialog(signedInAs('front_desk', { id: 'desk', name: 'Tom Alvarez' }));
    await chooseTemplate(user, 'Photography consent (Photography, v2)');
    const field = screen.getByRole('textbox', { name: /Treating practitioner/ });
    expect(field).toHaveValue('');
    expect(field).toBeRequired();
    expect(screen.getByRole('button', { name: 'Prepare and open kiosk' })).toBeDisabled();
    await user.click(field);
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual(['Chloe Park · Aesthetician', 'Leo Grant · Physician (licence expired)', 'Nora Reyes · Nurse']);
    expect(screen.getByRole('option', { name: /Leo Grant/ })).toHaveAttribute('data-combobox-disabled', 'true');
    await user.click(screen.getByRole('option', { name: /Nora Reyes/ }));
    post.mockResolvedValue(answer(201, { id: 'consent-9', patientId: 'patient-1' }));
    await user.click(screen.getByRole('button', { name: 'Prepare and open kiosk' }));
    await waitFor(() => expect(post).toHaveBeenCalledTimes(1));
    expect(post.mock.calls[0][1].body).toEqual({ templateId: 'template-photos', practitionerId: 'nurse' });
  });

  it('starts with the signed-in user when they are a practitioner', async () => {
    const { user } = openDialog(signedInAs('nurse', { id: 'nurse', name: 'Nora Reyes' }));
    await chooseTemplate(user, 'Medical micro-needling consent (Medical micro-needling, v2)');
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Treating practitioner/ })).toHaveValue('Nora Reyes · Nurse'));
    post.mockResolvedValue(answer(201, { id: 'consent-9', patientId: 'patient-1' }));
    await user.click(screen.getByRole('button', { name: 'Prepare and open kiosk' }));
    await waitFor(() => expect(post).toHaveBeenCalledTimes(1));
    expect(post.mock.calls[0][1].body).toMatchObject({ practitionerId: 'nurse' });
  });

  it('does not start with a signed-in practitioner whose licence does not cover the form', async () => {
    const { user } = openDialog(signedInAs('aesthetician', { id: 'esthe', name: 'Chloe Park' }));
    await chooseTemplate(user, 'Photography consent (Photography, v2)');
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Treating practitioner/ })).toHaveValue('Chloe Park · Aesthetician'));
    await chooseTemplate(user, 'Medical micro-needling consent (Medical micro-needling, v2)');
    expect(screen.getByRole('textbox', { name: /Treating practitioner/ })).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Prepare and open kiosk' })).toBeDisabled();
  });

  it('says when the chosen practitioner’s licence does not cover the form, before anything is sent', async () => {
    const { user } = openDialog(signedInAs('front_desk', { id: 'desk', name: 'Tom Alvarez' }));
    await chooseTemplate(user, 'Photography consent (Photography, v2)');
    await choosePractitioner(user, /^Chloe Park/);
    await chooseTemplate(user, 'Medical micro-needling consent (Medical micro-needling, v2)');
    expect(await screen.findByText('Chloe Park cannot be named on this form: licence does not cover medical needling')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Prepare and open kiosk' })).toBeDisabled();
    expect(post).not.toHaveBeenCalled();
  });

  it('shows the API’s refusal of the practitioner on the field', async () => {
    const { user, onClose } = openDialog();
    await chooseTemplate(user, 'Photography consent (Photography, v2)');
    await choosePractitioner(user, /^Nora Reyes/);
    post.mockResolvedValue(
      answer(422, {
        type: 'urn:skinledger:problem:rule-violation',
        title: 'Rule violated',
        status: 422,
        detail: 'Name the practitioner who treats the patient. Nora Reyes: the practitioner is deactivated',
        violations: [{ code: 'practitioner-inactive', field: 'practitionerId', message: 'Nora Reyes: the practitioner is deactivated' }],
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Prepare and open kiosk' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Treating practitioner/ })).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('Nora Reyes: the practitioner is deactivated')).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });
});

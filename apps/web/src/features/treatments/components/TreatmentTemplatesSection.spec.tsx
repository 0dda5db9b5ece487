import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '@web/lib/api/apiClient';
import { answer, answeringByPath, renderWithProviders, signedInAs } from '@web-test/renderWithProviders';
import { TreatmentTemplatesSection } from './TreatmentTemplatesSection';

// Only the typed API client is replaced: the section, its hooks and React Query run as in the dashboard.
jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), POST: jest.fn(), PUT: jest.fn(), DELETE: jest.fn() } }));
const get = api.GET as unknown as jest.Mock;
const post = api.POST as unknown as jest.Mock;

const SAVED = {
  id: 'template-1',
  name: 'Acne scars, cheeks',
  indication: 'acne_scars',
  indicationLabel: 'Acne scars',
  notes: '',
  zones: [{ zone: 'cheeks', label: 'Cheeks', depthMm: 1.5, passes: 3 }],
  findings: [{ code: 'zone-above-zone-max', subject: 'cheeks', severity: 'blocker', message: 'Cheeks: 1.5 mm is deeper than the zone maximum of 1.25 mm' }],
  updatedAt: '2026-12-01T15:00:00Z',
  updatedByName: 'Dana Whitfield',
};

beforeEach(() => {
  get.mockReset().mockImplementation(answeringByPath({ '/api/treatment-templates': [SAVED] }));
  post.mockReset();
});

it('lists the templates with their check against today’s maximums', async () => {
  renderWithProviders(<TreatmentTemplatesSection zoneMaxMm={{ cheeks: 1.25 }} />);
  const table = await screen.findByRole('table', { name: 'Treatment templates' });
  const row = within(table).getByRole('row', { name: /Acne scars, cheeks/ });
  expect(within(row).getByText('Cheeks 1.5 mm ×3')).toBeInTheDocument();
  expect(within(row).getByText('Blocks: cheeks')).toBeInTheDocument();
});

it('adds a template: the depth check explains early, the API’s refusal is shown, then it saves', async () => {
  renderWithProviders(<TreatmentTemplatesSection zoneMaxMm={{ cheeks: 1.25 }} />);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'New template' }));
  const form = screen.getByRole('form', { name: 'Treatment template' });
  await user.type(within(form).getByLabelText(/^Name/), 'Acne scars, full face');
  await user.click(within(form).getByRole('textbox', { name: 'Indication' }));
  await user.click(screen.getByRole('option', { name: 'Acne scars' }));
  await user.click(within(form).getByRole('checkbox', { name: /Cheeks/ }));
  await user.click(within(form).getByRole('textbox', { name: 'Depth for Cheeks' }));
  await user.click(screen.getByRole('option', { name: '1.5 mm' }));
  // Deeper than the clinic's 1.25 mm: the preflight would block it, and the form says so before saving.
  expect(within(form).getByText(/deeper than the zone maximum of 1.25 mm: a template stays within the maximum/)).toHaveAttribute('data-finding', 'blocker');

  post.mockResolvedValueOnce(
    answer(422, {
      type: 'urn:skinledger:problem:rule-violation',
      title: 'Rule violated',
      status: 422,
      detail: 'The template breaks the depth rules',
      violations: [{ code: 'zone-above-zone-max', subject: 'cheeks', message: 'Cheeks: 1.5 mm is deeper than the zone maximum of 1.25 mm' }],
    }),
  );
  await user.click(within(form).getByRole('button', { name: 'Add template' }));
  expect(await within(form).findByText('The template breaks the depth rules')).toBeInTheDocument();

  await user.click(within(form).getByRole('textbox', { name: 'Depth for Cheeks' }));
  await user.click(screen.getByRole('option', { name: '1.25 mm' }));
  post.mockResolvedValueOnce(answer(201, { ...SAVED, name: 'Acne scars, full face', zones: [{ zone: 'cheeks', label: 'Cheeks', depthMm: 1.25, passes: 2 }], findings: [] }));
  await user.click(within(form).getByRole('button', { name: 'Add template' }));
  await waitFor(() => expect(screen.queryByRole('form', { name: 'Treatment template' })).not.toBeInTheDocument());
  expect(post).toHaveBeenLastCalledWith('/api/treatment-templates', {
    body: { name: 'Acne scars, full face', indication: 'acne_scars', notes: '', zones: [{ zone: 'cheeks', depthMm: 1.25, passes: 2 }] },
  });
});

it('lets an aesthetician see the templates but not write them', async () => {
  renderWithProviders(<TreatmentTemplatesSection zoneMaxMm={{}} />, { user: signedInAs('aesthetician') });
  await screen.findByRole('table', { name: 'Treatment templates' });
  expect(screen.queryByRole('button', { name: 'New template' })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
});

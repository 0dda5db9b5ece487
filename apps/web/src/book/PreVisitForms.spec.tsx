import { MEDICAL_HISTORY_FIELDS } from '@skinledger/domain';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProblem, formsApi, type PreVisitConsent, type PreVisitForms, type Problem } from './api';
import { ConsentView } from './ConsentView';
import { HistoryView } from './HistoryView';

// Only the calls to the API are replaced (and the canvas pad, which jsdom cannot draw on): the views, their focus and
// their words run as on the page.
jest.mock('./api', () => ({
  ...jest.requireActual('./api'),
  formsApi: { forms: jest.fn(), recordHistory: jest.fn(), sign: jest.fn() },
}));
jest.mock('./SignaturePadField', () => ({
  __esModule: true,
  default: ({ onChange }: { onChange: (value: string | null) => void }) => (
    <button type="button" onClick={() => onChange('data:image/png;base64,AAAA')}>
      Draw a signature
    </button>
  ),
}));
const api = formsApi as jest.Mocked<typeof formsApi>;
const problem = (status: number, code: string, detail: string, extra: Partial<Problem> = {}) =>
  new ApiProblem({ type: `urn:skinledger:problem:${code}` as Problem['type'], title: code, status, detail, ...extra });

const HISTORY: PreVisitForms['medicalHistory'] = {
  questions: MEDICAL_HISTORY_FIELDS.map((f) => ({ field: f.field, label: f.label, section: f.section, input: f.input, ...(f.help ? { help: f.help } : {}) })),
  yourLastAnswers: null,
  onFile: false,
};
const CONSENT: PreVisitConsent = {
  id: 'c-1',
  kind: 'photography',
  title: 'Consultation consent',
  body: '# Consent\nPatient: Amara Okafor\n\n- You may **stop** at any time',
  acknowledgements: [{ key: 'a1', text: 'I have read the form', required: true }],
  practitionerName: 'Nora Reyes',
  signed: false,
  signedAt: null,
  signedRemotely: false,
  witnessRequired: true,
  witnessed: false,
};

beforeEach(() => jest.resetAllMocks());

describe('HistoryView', () => {
  it('renders the API’s questions in fieldsets, lists unanswered ones with links, then saves and tells her plainly', async () => {
    const user = userEvent.setup();
    const onSaved = jest.fn();
    render(<HistoryView token="k" history={HISTORY} timeZone="America/New_York" onSaved={onSaved} onBack={jest.fn()} />);
    expect(screen.getByRole('group', { name: /Conditions that mean needling has to wait/ })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Pregnant or breastfeeding' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save my medical history' }));
    const summary = screen.getByRole('alert', { name: 'Please check these answers' });
    await waitFor(() => expect(summary).toHaveFocus());
    const link = within(summary).getByRole('link', { name: 'Pregnant or breastfeeding: Answer yes or no' });
    await user.click(link);
    expect(document.getElementById('q-pregnantOrBreastfeeding-yes')).toHaveFocus();
    expect(api.recordHistory).not.toHaveBeenCalled();

    for (const q of HISTORY.questions.filter((x) => x.input === 'boolean')) await user.click(document.getElementById(`q-${q.field}-no`) as HTMLElement);
    api.recordHistory.mockResolvedValue({
      version: 1,
      recordedAt: '2026-12-07T10:00:00.000Z',
      source: 'patient',
      treatmentMustWait: true,
      message: 'From your answers, your treatment on Dec 20, 2026 has to wait: it can be done from Mar 1, 2027. The clinic has been told.',
      eligibleFrom: '2027-03-01',
    });
    await user.click(screen.getByRole('button', { name: 'Save my medical history' }));
    expect(await screen.findByText(/has to wait: it can be done from Mar 1, 2027/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Medical history saved' })).toHaveFocus();
    expect(screen.getByRole('heading', { name: 'Medical history saved' })).toHaveAccessibleDescription(/has to wait/);
    expect(api.recordHistory.mock.calls[0][1]).toMatchObject({ pregnantOrBreastfeeding: false, isotretinoinLastDoseOn: null, medications: [] });
    expect(onSaved).toHaveBeenCalled();
  });

  it('says a 429 in plain words', async () => {
    const user = userEvent.setup();
    const answered = { ...HISTORY, yourLastAnswers: { version: 1, recordedAt: '2026-12-01T10:00:00.000Z', answers: Object.fromEntries(HISTORY.questions.map((q) => [q.field, q.input === 'boolean' ? false : q.input === 'date' ? null : q.input === 'text' ? '' : []])) as never } };
    render(<HistoryView token="k" history={answered} timeZone="America/New_York" onSaved={jest.fn()} onBack={jest.fn()} />);
    expect(screen.getByText(/Filled in with the answers you gave on/)).toBeInTheDocument();
    api.recordHistory.mockRejectedValue(problem(429, 'too-many-requests', 'Too many requests'));
    await user.click(screen.getByRole('button', { name: 'Save my medical history' }));
    expect(await screen.findByText('Too many attempts: please try again later.')).toBeInTheDocument();
  });
});

describe('ConsentView', () => {
  it('shows the text from libs/domain’s blocks, puts a refused date of birth on its field, then signs and says the clinic will witness it', async () => {
    const user = userEvent.setup();
    render(<ConsentView token="k" consent={CONSENT} timeZone="America/New_York" onSigned={jest.fn()} onBack={jest.fn()} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Consent' })).toBeInTheDocument();
    expect(screen.getByText('stop').tagName).toBe('STRONG');

    await user.click(screen.getByLabelText('I have read the form'));
    await user.click(screen.getByLabelText('I agree to sign electronically'));
    await user.type(screen.getByLabelText('Your full name'), 'Amara Okafor');
    await user.type(screen.getByLabelText('Your date of birth'), '1990-04-03');
    await user.click(await screen.findByRole('button', { name: 'Draw a signature' }));
    api.sign.mockRejectedValueOnce(
      problem(400, 'validation', 'Invalid fields: dateOfBirth', { errors: [{ field: 'dateOfBirth', message: 'does not match the date of birth the clinic has for you' }] }),
    );
    await user.click(screen.getByRole('button', { name: 'Sign the form' }));
    const field = screen.getByLabelText('Your date of birth');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/This is not the date of birth the clinic has for you/);

    await user.clear(field);
    await user.type(field, '1990-04-02');
    api.sign.mockResolvedValue({ id: 'c-1', title: CONSENT.title, signedAt: '2026-12-07T10:00:00.000Z', signedRemotely: true, contentHash: 'ab', witnessRequired: true });
    await user.click(screen.getByRole('button', { name: 'Sign the form' }));
    expect(await screen.findByText('Signed — the clinic will witness it at your visit.')).toBeInTheDocument();
    expect(api.sign).toHaveBeenLastCalledWith('k', 'c-1', expect.objectContaining({ dateOfBirth: '1990-04-02', acknowledgements: ['a1'], electronicSignatureConsent: true }));
  });

  it('says an already signed form plainly (409)', async () => {
    const user = userEvent.setup();
    render(<ConsentView token="k" consent={{ ...CONSENT, acknowledgements: [] }} timeZone="America/New_York" onSigned={jest.fn()} onBack={jest.fn()} />);
    await user.click(screen.getByLabelText('I agree to sign electronically'));
    await user.type(screen.getByLabelText('Your full name'), 'Amara Okafor');
    await user.type(screen.getByLabelText('Your date of birth'), '1990-04-02');
    await user.click(await screen.findByRole('button', { name: 'Draw a signature' }));
    api.sign.mockRejectedValue(problem(409, 'already-signed', 'This consent is already signed'));
    await user.click(screen.getByRole('button', { name: 'Sign the form' }));
    expect(await screen.findByText('This form is already signed: there is nothing more to do.')).toBeInTheDocument();
  });
});

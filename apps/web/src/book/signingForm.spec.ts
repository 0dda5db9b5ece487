import { signedWords } from './ConsentView';
import { emptySigning, toSignRequest, validateSigning } from './signingForm';

const CONSENT = {
  acknowledgements: [
    { key: 'a1', text: 'I have read the form', required: true },
    { key: 'a2', text: 'Photos may be used in teaching', required: false },
  ],
};
const TODAY = '2026-12-07';

describe('signing a consent through the link', () => {
  it('lists what is missing in form order, each with the input to move to', () => {
    expect(validateSigning(CONSENT, emptySigning(), TODAY)).toEqual([
      { inputId: 'ack-a1', message: 'Tick to confirm: I have read the form' },
      { inputId: 'esign', message: 'Tick that you agree to sign electronically, or ask the clinic for a paper form' },
      { inputId: 'signer-name', message: 'Type your full name' },
      { inputId: 'date-of-birth', message: 'Enter your date of birth' },
      { inputId: 'signature-pad', message: 'Sign in the signature box' },
    ]);
  });

  it('takes an optional acknowledgement left unticked, and refuses a date of birth that is not in the past', () => {
    const draft = { ticked: ['a1'], electronicSignatureConsent: true, signerName: ' Amara Okafor ', dateOfBirth: '2027-01-01', signature: 'data:image/png;base64,AAAA' };
    expect(validateSigning(CONSENT, draft, TODAY)).toEqual([{ inputId: 'date-of-birth', message: 'Enter your date of birth as a whole date in the past' }]);
    const ok = { ...draft, dateOfBirth: '1990-04-02' };
    expect(validateSigning(CONSENT, ok, TODAY)).toEqual([]);
    expect(toSignRequest(ok)).toEqual({
      signerName: 'Amara Okafor',
      dateOfBirth: '1990-04-02',
      acknowledgements: ['a1'],
      signature: 'data:image/png;base64,AAAA',
      electronicSignatureConsent: true,
    });
  });

  it('says the clinic still witnesses a form that asks a witness', () => {
    expect(signedWords(true)).toBe('Signed — the clinic will witness it at your visit.');
    expect(signedWords(true, true)).toBe('Signed. Thank you: the clinic has your signed form.');
    expect(signedWords(false)).toBe('Signed. Thank you: the clinic has your signed form.');
  });
});

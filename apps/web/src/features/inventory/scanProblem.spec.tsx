import { parseGs1, type Gs1Error } from '@skinledger/domain';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '@web-test/renderWithProviders';
import { ParsedScan } from './components/ParsedScan';
import { explainGs1Error } from './scanProblem';

const GS = '\u001d';
const TODAY = '2026-11-20';

function checkDigitError(input: string): Gs1Error {
  const result = parseGs1(input, { referenceDate: TODAY });
  if (result.ok) throw new Error(`expected ${input} to fail`);
  const error = result.errors.find((e) => e.code === 'bad-check-digit');
  if (!error) throw new Error(`no check-digit error for ${input}: ${JSON.stringify(result.errors)}`);
  return error;
}

describe('the GS1 check-digit hint', () => {
  // domain.md's example GTIN 00812345678905: the weights 3,1,3,… over 0081234567890 call for 1, not 5.
  const forms: Array<[string, string]> = [
    ['the plain AI string', '0100812345678905'],
    ['a Data Matrix symbology prefix', ']d20100812345678905'],
    ['a GS1-128 prefix with FNC1 sent as GS', `]C1${GS}0100812345678905`],
    ['the human-readable form', '(01)00812345678905(17)270300(10)LOT42A'],
    ['the GTIN after other AIs', `10LOT42A${GS}172703000100812345678905`],
    ['a scanner line ending', ']d2010081234567890510LOT42A\r\n'],
  ];

  it.each(forms)('names the digit from the parsed GTIN with %s', (_label, input) => {
    const error = checkDigitError(input);
    expect(error.gtin).toBe('00812345678905');
    expect(error.expectedCheckDigit).toBe(1);
    const hint = explainGs1Error(error);
    expect(hint).toContain('it should be 1');
    expect(hint).not.toMatch(/should be [02-9]/);
  });

  it('computes the digit for other GTINs too (GS1’s own example 09506000134352, last digit mistyped)', () => {
    const error = checkDigitError(']d2010950600013435010ABC');
    expect(error.gtin).toBe('09506000134350');
    expect(error.expectedCheckDigit).toBe(2);
    expect(explainGs1Error(error)).toContain('it should be 2');
  });

  it('leaves other errors as the parser worded them', () => {
    const result = parseGs1('01008123456789', { referenceDate: TODAY });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(explainGs1Error(result.errors[0])).toBe(result.errors[0].message);
  });

  it('shows the hint on the receive-scan screen for a prefixed scan', () => {
    renderWithProviders(<ParsedScan code="]d20100812345678905" today={TODAY} />);
    expect(screen.getByText(/The barcode cannot be read yet/)).toBeInTheDocument();
    expect(screen.getByText(/it should be 1\)\. The last digit/)).toBeInTheDocument();
  });
});

describe('the receive-scan reading of any device label', () => {
  it('shows 240, 7003 and 30 from the label', () => {
    renderWithProviders(<ParsedScan code={`]d20100850031370012240PEN-14N${GS}7003270331103${'0'}${GS}30120${GS}1727033110LOTNEW1`} today={TODAY} />);
    const read = screen.getByRole('group', { name: 'Read from the barcode' });
    expect(read).toHaveTextContent('00850031370012');
    expect(read).toHaveTextContent('LOTNEW1');
    expect(read).toHaveTextContent('PEN-14N');
    expect(read).toHaveTextContent('Count120');
    expect(read).toHaveTextContent(/Expires atMar 31, 2027, 10:30\sAM/);
  });

  it('reads an HIBC label and names its product', () => {
    renderWithProviders(<ParsedScan code="+H123PEN14N1/$$3301231LOT7/S0042B" today={TODAY} />);
    const read = screen.getByRole('group', { name: 'Read from the barcode' });
    expect(read).toHaveTextContent('HIBC productH123PEN14N1');
    expect(read).toHaveTextContent('LotLOT7');
    expect(read).toHaveTextContent('Dec 31, 2030');
  });

  it('explains a ]d1 scan as not GS1', () => {
    renderWithProviders(<ParsedScan code="]d10100850031370012" today={TODAY} />);
    expect(screen.getByText(/Data Matrix symbol \(\]d1\), which carries no GS1 data.*Scan the GS1 or HIBC code/)).toBeInTheDocument();
  });

  it('names the AI of malformed data', () => {
    renderWithProviders(<ParsedScan code="(01)00850031370012(7003)2703312400(10)L1" today={TODAY} />);
    expect(screen.getByText(/Expiry date and time \(7003\) "2400" is not a valid HHMM time/)).toBeInTheDocument();
  });
});

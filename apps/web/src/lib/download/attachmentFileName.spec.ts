import { attachmentFileName } from './attachmentFileName';

// Response headers as fetch gives them (jsdom has no Response); header names are case-insensitive.
const answer = (disposition?: string) => ({ get: (name: string) => (name.toLowerCase() === 'content-disposition' ? (disposition ?? null) : null) });

describe('attachmentFileName', () => {
  it('takes the full UTF-8 name from filename*, not the shortened ASCII fallback', () => {
    const header = `attachment; filename="lot-exposure_L1_GTIN-00812345678901_Cartridge-_odz.csv"; filename*=UTF-8''lot-exposure_L1_GTIN-00812345678901_Cartridge-%C5%81%C3%B3d%C5%BA.csv`;
    expect(attachmentFileName(answer(header), 'x.csv')).toBe('lot-exposure_L1_GTIN-00812345678901_Cartridge-Łódź.csv');
  });

  it('takes a plain filename, and falls back when there is none or it cannot be read', () => {
    expect(attachmentFileName(answer('attachment; filename="session.pdf"'), 'x.pdf')).toBe('session.pdf');
    expect(attachmentFileName(answer(), 'x.csv')).toBe('x.csv');
    expect(attachmentFileName(answer('attachment'), 'x.csv')).toBe('x.csv');
    expect(attachmentFileName(answer('attachment; filename="../../etc/passwd"'), 'x.csv')).toBe('passwd');
  });
});

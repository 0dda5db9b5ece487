import { parse } from 'content-disposition';
import { asciiFileName, attachmentDisposition, fileNamePart } from './attachment';

describe('download file names', () => {
  it('keeps letters of every script and makes what a file system refuses a dash', () => {
    expect(fileNamePart('Cartridge 14/36-pin: "sterile" — Łódź')).toBe('Cartridge-14-36-pin-sterile-—-Łódź');
    expect(fileNamePart('a\\b|c?d*e<f>g\r\nh, i; j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(fileNamePart('  -4711 ')).toBe('-4711');
    expect(fileNamePart('ends with a dot.')).toBe('ends-with-a-dot');
    expect(fileNamePart('王小明')).toBe('王小明');
  });

  it('shortens by characters, never inside a letter, and never ends on a dash', () => {
    expect(fileNamePart('😀'.repeat(10), 3)).toBe('😀😀😀');
    expect(fileNamePart('abc def', 4)).toBe('abc');
  });

  it('spells an ASCII fallback: accents dropped, other letters "_"', () => {
    expect(asciiFileName('Zoë-Müller-Łódź-王.csv')).toBe('Zoe-Muller-_odz-_.csv');
  });

  it('gives the full name in filename* and the ASCII one in filename, both read back by the content-disposition package', () => {
    const name = 'lot-exposure_LOT-42A_GTIN-00812345678901_Cartridge-—-Łódź.csv';
    const header = attachmentDisposition(name);
    expect(header).toMatch(/^attachment; /);
    expect(header).toContain(`filename*=UTF-8''`);
    expect(parse(header)).toEqual({ type: 'attachment', parameters: expect.objectContaining({ filename: name }) });
    expect(parse(header, { extended: false }).parameters.filename).toBe('lot-exposure_LOT-42A_GTIN-00812345678901_Cartridge-_-_odz.csv');
    expect(parse(attachmentDisposition('plain.csv')).parameters.filename).toBe('plain.csv');
  });
});

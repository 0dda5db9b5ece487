import { importFileText } from './importFileText';

describe('importFileText', () => {
  it('names the encoding and separator the API detected', () => {
    expect(importFileText({ encoding: 'windows-1252', delimiter: 'semicolon' })).toBe(
      'Read as Windows-1252 (Excel’s plain “CSV” on a Windows PC), with columns separated by semicolons.',
    );
    expect(importFileText({ encoding: 'utf-8-bom', delimiter: 'tab' })).toBe('Read as UTF-8 with a byte-order mark (Excel’s “CSV UTF-8”), with columns separated by tabs.');
    expect(importFileText({ encoding: 'utf-8', delimiter: 'comma' })).toBe('Read as UTF-8, with columns separated by commas.');
  });
});

import { passwordProblems, personalWords } from './password-policy';

const breached = new Set(['password1234', '123456789012', 'qwertyuiop12']);
const isBreached = (p: string) => breached.has(p);
const codes = (password: string, owner = {}) => passwordProblems(password, owner, isBreached).map((p) => p.code);

describe('password policy', () => {
  it('refuses the passwords of the finding', () => {
    expect(codes('password1234')).toEqual(['password-breached']);
    expect(codes('PassWord1234')).toEqual(['password-breached']);
    expect(codes('123456789012')).toEqual(['password-breached']);
    expect(codes('aaaaaaaaaaaa')).toEqual(['password-repetitive']);
    expect(codes('abcabcabcabc')).toEqual(['password-repetitive']);
    expect(codes('maya.okafor@clinic.example', { email: 'maya.okafor@clinic.example', name: 'Maya Okafor' })).toEqual([
      'password-contains-personal-info',
    ]);
  });

  it('refuses the e-mail local part or a name part of three letters or more, in any case', () => {
    const owner = { email: 'd.ng+work@clinic.test', name: 'Dr. Li Okafor-Ng' };
    expect(personalWords(owner).sort()).toEqual(['d.ng+work', 'okafor', 'work'].sort());
    expect(codes('my OKAFOR garden key', owner)).toEqual(['password-contains-personal-info']);
    expect(codes('always at WORK, never', owner)).toEqual(['password-contains-personal-info']);
    // "Li", "Dr" and "Ng" are too short to refuse inside other words.
    expect(codes('lindy hop drinking song', owner)).toEqual([]);
  });

  it('accepts a long passphrase and counts length in characters', () => {
    expect(codes('correct horse battery staple')).toEqual([]);
    expect(codes('short one')).toEqual(['password-too-short']);
    expect(codes('ééééééééééé')).toEqual(['password-too-short', 'password-repetitive']);
  });
});

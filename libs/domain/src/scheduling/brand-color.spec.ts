import { brandColorProblem, contrastRatio, mixColor } from './brand-color';

describe('the booking pages’ brand colour', () => {
  it('measures WCAG contrast: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBe(21);
    expect(contrastRatio('#1b6a70', '#1b6a70')).toBe(1);
    // WebAIM's checker gives #767676 on white 4.54:1, the lightest grey that passes AA.
    expect(contrastRatio('#767676', '#ffffff')).toBe(4.54);
  });

  it('accepts a colour white text is readable on, refuses a light one saying why, and a malformed one', () => {
    expect(brandColorProblem('#1b6a70')).toBeNull();
    expect(brandColorProblem('#767676')).toBeNull();
    expect(brandColorProblem('#777777')).toMatch(/contrast of 4\.4\d:1; choose a darker colour \(at least 4\.5:1\)/);
    expect(brandColorProblem('#ffd700')).toMatch(/darker/);
    expect(brandColorProblem('teal')).toBe('must be a colour written #RRGGBB');
    expect(brandColorProblem('#12345')).toBe('must be a colour written #RRGGBB');
  });

  it('mixes toward black for the darker shade and toward white for the soft one', () => {
    expect(mixColor('#1b6a70', 0)).toBe('#1b6a70');
    expect(mixColor('#ffffff', 1)).toBe('#000000');
    expect(mixColor('#000000', -1)).toBe('#ffffff');
    expect(mixColor('#808080', 0.5)).toBe('#404040');
  });
});

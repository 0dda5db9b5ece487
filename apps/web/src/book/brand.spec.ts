import { applyBrandColor, brandStyle } from './brand';

describe('the clinic’s colour on the booking pages', () => {
  it('derives a darker and a soft shade from the clinic’s colour', () => {
    expect(brandStyle('#1b4f8a')).toEqual({ '--brand': '#1b4f8a', '--brand-dark': '#133761', '--brand-soft': '#e4eaf1' });
  });

  it('keeps the pages’ own colours for no colour or a malformed one', () => {
    expect(brandStyle(null)).toBeNull();
    expect(brandStyle('red')).toBeNull();
    const root = document.createElement('div');
    applyBrandColor('javascript:alert(1)', root);
    expect(root.getAttribute('style')).toBeNull();
    applyBrandColor('#1b4f8a', root);
    expect(root.style.getPropertyValue('--brand')).toBe('#1b4f8a');
  });
});

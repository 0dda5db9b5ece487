import { theme } from './theme';

// WCAG 2.x relative luminance and contrast ratio.
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const channel = (v: number) => {
  const c = v / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const luminance = (c: number[]) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
const contrast = (a: number[], b: number[]) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
/** `colour` at `alpha` over `background`: Mantine's light variant is shade 7 at 10 %. */
const over = (colour: number[], alpha: number, background: number[]) => colour.map((v, i) => v * alpha + background[i] * (1 - alpha));

const WHITE = rgb('#ffffff');
const colors = theme.colors ?? {};
const PAGE = rgb(colors.slate?.[0] ?? '#f5f7f9');
const STATUS = ['red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange', 'clinic'];

describe.each(STATUS)('the %s palette', (name) => {
  const shades = (colors[name] ?? []).map(rgb);
  it('has a shade 7 that reads on its own light tint and carries white text (badges, alerts, filled buttons)', () => {
    for (const surface of [WHITE, PAGE]) expect(contrast(shades[7], over(shades[7], 0.1, surface))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(shades[7], WHITE)).toBeGreaterThanOrEqual(4.5);
  });
  it('has shades 8 and 9 for emphasised text on the tint', () => {
    for (const shade of [8, 9]) expect(contrast(shades[shade], over(shades[7], 0.1, PAGE))).toBeGreaterThanOrEqual(4.5);
  });
});

it.each(['red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'])(
  'the %s palette has a shade 6 (error text, icons) that reads on white',
  (name) => {
    expect(contrast(rgb(colors[name]?.[6] ?? '#ffffff'), WHITE)).toBeGreaterThanOrEqual(4.5);
  },
);

it.each([
  ['dimmed text (slate 6)', 'slate', 6],
  ['links and primary text (clinic 7)', 'clinic', 7],
])('writes %s readably on white, the page background and every light tint (alerts, badges)', (_what, palette, shade) => {
  const text = rgb(colors[palette]?.[shade] ?? '#ffffff');
  expect(contrast(text, WHITE)).toBeGreaterThanOrEqual(4.5);
  expect(contrast(text, PAGE)).toBeGreaterThanOrEqual(4.5);
  for (const name of STATUS) {
    for (const surface of [WHITE, PAGE]) expect(contrast(text, over(rgb(colors[name]?.[7] ?? '#000000'), 0.1, surface))).toBeGreaterThanOrEqual(4.5);
  }
});

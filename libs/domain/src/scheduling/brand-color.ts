/**
 * The clinic's colour on the public booking pages (issue 16: "in the clinic's name and colours"). The pages write
 * white text on it (the header, the buttons), so a colour is accepted only when white on it is readable: WCAG 2.x
 * contrast of at least 4.5:1 for normal text (success criterion 1.4.3).
 */
export const BRAND_COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
export const MIN_TEXT_CONTRAST = 4.5;

/** WCAG relative luminance of a #RRGGBB colour. */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two #RRGGBB colours, 1 to 21, rounded down to two decimals (never flattering). */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return Math.floor(((lighter + 0.05) / (darker + 0.05)) * 100) / 100;
}

/** Why a colour cannot be the booking pages' colour, or null when it can. */
export function brandColorProblem(hex: string): string | null {
  if (!BRAND_COLOR_PATTERN.test(hex)) return 'must be a colour written #RRGGBB';
  const ratio = contrastRatio(hex, '#ffffff');
  if (ratio < MIN_TEXT_CONTRAST) return `white text on it has a contrast of ${ratio}:1; choose a darker colour (at least ${MIN_TEXT_CONTRAST}:1)`;
  return null;
}

/** The colour mixed toward black (`amount` > 0) or white (`amount` < 0), 0–1: the pages' darker and soft shades. */
export function mixColor(hex: string, amount: number): string {
  const target = amount >= 0 ? 0 : 255;
  const weight = Math.abs(amount);
  const parts = [0, 1, 2].map((i) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
    return Math.round(c + (target - c) * weight)
      .toString(16)
      .padStart(2, '0');
  });
  return `#${parts.join('')}`;
}

import { BRAND_COLOR_PATTERN, mixColor } from '@skinledger/domain';

/**
 * The clinic's colour on the booking pages (issue 16: "in the clinic's name and colours"): its own shade for the header
 * and buttons, a darker one for hover and focus, a soft one for selected choices. The API accepts only colours white
 * text is readable on (libs/domain brand-color.ts); anything else leaves the pages' own teal.
 */
export function brandStyle(color: string | null | undefined): Record<string, string> | null {
  if (!color || !BRAND_COLOR_PATTERN.test(color)) return null;
  return { '--brand': color, '--brand-dark': mixColor(color, 0.3), '--brand-soft': mixColor(color, -0.88) };
}

export function applyBrandColor(color: string | null | undefined, root: HTMLElement = document.documentElement): void {
  const style = brandStyle(color);
  if (!style) return;
  for (const [name, value] of Object.entries(style)) root.style.setProperty(name, value);
}

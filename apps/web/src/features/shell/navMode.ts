import { useMediaQuery } from '@mantine/hooks';

/**
 * How the module navigation is shown, by window width:
 * - `full` from 1100 px: the 208 px column with section headings and labels;
 * - `rail` from 768 px (a portrait tablet) up to 1099 px: a column of icons, each named for assistive tech and with
 *   its label as a tooltip on hover and keyboard focus, so tables keep their width;
 * - `menu` below 768 px: hidden behind the header's burger button, opening with labels.
 */
export type NavMode = 'full' | 'rail' | 'menu';

/** 1100 px and 768 px (Mantine's `sm`), in em as Mantine writes its media queries. */
export const NAV_FULL_FROM = '68.75em';
export const NAV_RAIL_FROM = '48em';
export const NAV_FULL_WIDTH = 208;
export const NAV_RAIL_WIDTH = 68;

export function useNavMode(): NavMode {
  // Read on the first render (no effect): the shell is never painted once in the wrong layout.
  const full = useMediaQuery(`(min-width: ${NAV_FULL_FROM})`, true, { getInitialValueInEffect: false });
  const rail = useMediaQuery(`(min-width: ${NAV_RAIL_FROM})`, true, { getInitialValueInEffect: false });
  return full ? 'full' : rail ? 'rail' : 'menu';
}

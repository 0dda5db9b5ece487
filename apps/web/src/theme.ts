import {
  createTheme,
  type ActionIconProps,
  type BadgeProps,
  type ButtonProps,
  type CheckboxProps,
  type DrawerProps,
  type MenuProps,
  type ModalProps,
  type NavLinkProps,
  type NotificationProps,
  type PaperProps,
  type PasswordInputProps,
  type SelectProps,
  type SwitchProps,
  type TableProps,
  type TextareaProps,
  type TextInputProps,
  type TitleProps,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type MantineThemeComponent,
} from '@mantine/core';

/**
 * A component's theme defaults, typed against its props. Not `Select.extend(...)`: that names the component itself,
 * which would put every themed component (Select, Table, Drawer ...) in the first page's bundle.
 */
const defaults = <Props>(component: { defaultProps: Partial<Props> }): MantineThemeComponent => component;

/** Muted clinical teal: calm, not candy. Shade 7 (buttons, links) reads at 4.5:1 even on a red alert's tint. */
const clinic: MantineColorsTuple = [
  '#eef6f5',
  '#dde9e7',
  '#bad3cf',
  '#93bbb5',
  '#72a69f',
  '#5c9890',
  '#4a8880',
  '#316a63',
  '#2b615b',
  '#1c4f4a',
];

/** Cool slate greys for surfaces and secondary text; shade 6 is Mantine's "dimmed", 4.5:1 even on a red alert's tint. */
const slate: MantineColorsTuple = [
  '#f5f7f9',
  '#e9edf1',
  '#d3dae1',
  '#b7c2cc',
  '#97a5b2',
  '#7a8a99',
  '#566575',
  '#4a5866',
  '#36424e',
  '#222c36',
];

/**
 * Mantine's status colours with shades 6–9 darkened (same hue) so that they pass WCAG AA wherever Mantine uses them:
 * shade 7 is every component's colour (filled background under white text, light-variant text on its own 10% tint,
 * outline, links) and reads at 4.7:1 or more on that tint over the page background; shade 6 reads at 4.6:1 on white
 * (icons, error text); shades 8 and 9 are for emphasised text (6.2:1 and 8.5:1). Shades 0–5 (tints, fills of the
 * face map) are Mantine's. theme.spec.ts checks these ratios.
 */
const statusColors: Record<string, MantineColorsTuple> = {
  red: ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#e42323', '#c41818', '#a01818', '#921f1f'],
  pink: ['#fff0f6', '#ffdeeb', '#fcc2d7', '#faa2c1', '#f783ac', '#f06595', '#e01f62', '#bb265a', '#9b1e4a', '#901a43'],
  grape: ['#f8f0fc', '#f3d9fa', '#eebefa', '#e599f7', '#da77f2', '#cc5de8', '#b738d7', '#9c33b6', '#7f2c94', '#77298a'],
  violet: ['#f3f0ff', '#e5dbff', '#d0bfff', '#b197fc', '#9775fa', '#845ef7', '#7950f2', '#6c43e7', '#562cd5', '#5234ac'],
  indigo: ['#edf2ff', '#dbe4ff', '#bac8ff', '#91a7ff', '#748ffc', '#5c7cfa', '#4969e9', '#3154e5', '#2444c4', '#2d42a7'],
  blue: ['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#1977c9', '#1767b0', '#135490', '#134e85'],
  cyan: ['#e3fafc', '#c5f6fa', '#99e9f2', '#66d9e8', '#3bc9db', '#22b8cf', '#12808f', '#0f6e7d', '#0d5b68', '#0c5360'],
  teal: ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#108461', '#0e7355', '#0c5f45', '#0b563f'],
  green: ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#2c853c', '#247432', '#1c5f29', '#1b5727'],
  lime: ['#f4fce3', '#e9fac8', '#d8f5a2', '#c0eb75', '#a9e34b', '#94d82d', '#538013', '#47710e', '#3a5d0b', '#36540a'],
  yellow: ['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#fcc419', '#966e13', '#865d11', '#744a0e', '#70400e'],
  orange: ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#b35e16', '#a04c14', '#8a3b11', '#843110'],
};

const systemFonts =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'clinic',
  primaryShade: 7,
  colors: { ...statusColors, clinic, slate, gray: slate },
  defaultRadius: 'sm',
  autoContrast: true,
  fontFamily: systemFonts,
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  headings: {
    fontFamily: systemFonts,
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.375rem', lineHeight: '1.3' },
      h2: { fontSize: '1.125rem', lineHeight: '1.35' },
      h3: { fontSize: '1rem', lineHeight: '1.4' },
    },
  },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Button: defaults<ButtonProps>({ defaultProps: { size: 'sm' } }),
    ActionIcon: defaults<ActionIconProps>({ defaultProps: { size: 'lg', variant: 'subtle', color: 'slate' } }),
    TextInput: defaults<TextInputProps>({ defaultProps: { size: 'sm' } }),
    PasswordInput: defaults<PasswordInputProps>({ defaultProps: { size: 'sm' } }),
    Textarea: defaults<TextareaProps>({ defaultProps: { size: 'sm' } }),
    // keepMounted: false: a closed dropdown is not left in the DOM, so its listbox (labelled like the input)
    // does not make "the field labelled Role" ambiguous to assistive tech and to tests.
    Select: defaults<SelectProps>({
      defaultProps: { size: 'sm', checkIconPosition: 'right', comboboxProps: { shadow: 'md', keepMounted: false } },
    }),
    Checkbox: defaults<CheckboxProps>({ defaultProps: { size: 'sm' } }),
    Switch: defaults<SwitchProps>({ defaultProps: { size: 'sm' } }),
    Badge: defaults<BadgeProps>({ defaultProps: { variant: 'light', radius: 'sm', size: 'sm' } }),
    Table: defaults<TableProps>({ defaultProps: { verticalSpacing: 'xs', horizontalSpacing: 'sm', fz: 'sm' } }),
    Paper: defaults<PaperProps>({ defaultProps: { withBorder: true, radius: 'sm' } }),
    Modal: defaults<ModalProps>({
      defaultProps: { radius: 'sm', centered: true, overlayProps: { backgroundOpacity: 0.35 }, closeButtonProps: { 'aria-label': 'Close' } },
    }),
    Drawer: defaults<DrawerProps>({
      defaultProps: { position: 'right', overlayProps: { backgroundOpacity: 0.35 }, closeButtonProps: { 'aria-label': 'Close' } },
    }),
    Notification: defaults<NotificationProps>({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } }),
    // An opened menu focuses its first item (the ARIA menu pattern); Mantine's focus placeholder would be a
    // focusable non-item inside role="menu" (axe: aria-required-children).
    Menu: defaults<MenuProps>({ defaultProps: { shadow: 'md', radius: 'sm', withInitialFocusPlaceholder: false } }),
    NavLink: defaults<NavLinkProps>({ defaultProps: { variant: 'light' } }),
    Title: defaults<TitleProps>({ defaultProps: { c: 'slate.9' } }),
  },
});

/**
 * CSS variables Mantine does not take from the theme: placeholders (also the file picker's "Choose a file", which is
 * text on the page) in slate 6, 5.2:1 on white instead of slate 5's 3.5:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-placeholder': 'var(--mantine-color-slate-6)' },
  dark: {},
});

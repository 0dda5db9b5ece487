import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  createTheme,
  Drawer,
  Menu,
  Modal,
  NavLink,
  Notification,
  Paper,
  PasswordInput,
  Select,
  Switch,
  Table,
  Textarea,
  TextInput,
  Title,
  type MantineColorsTuple,
} from '@mantine/core';

/** Muted clinical teal: calm, not candy. Shade 7 on white passes WCAG AA for text and buttons. */
const clinic: MantineColorsTuple = [
  '#eef6f5',
  '#dde9e7',
  '#bad3cf',
  '#93bbb5',
  '#72a69f',
  '#5c9890',
  '#4a8880',
  '#36726b',
  '#2b615b',
  '#1c4f4a',
];

/** Cool slate greys for surfaces and secondary text. */
const slate: MantineColorsTuple = [
  '#f5f7f9',
  '#e9edf1',
  '#d3dae1',
  '#b7c2cc',
  '#97a5b2',
  '#7a8a99',
  '#5f6f7e',
  '#4a5866',
  '#36424e',
  '#222c36',
];

const systemFonts =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'clinic',
  primaryShade: 7,
  colors: { clinic, slate, gray: slate },
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
    Button: Button.extend({ defaultProps: { size: 'sm' } }),
    ActionIcon: ActionIcon.extend({ defaultProps: { size: 'lg', variant: 'subtle', color: 'slate' } }),
    TextInput: TextInput.extend({ defaultProps: { size: 'sm' } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { size: 'sm' } }),
    Textarea: Textarea.extend({ defaultProps: { size: 'sm' } }),
    // keepMounted: false: a closed dropdown is not left in the DOM, so its listbox (labelled like the input)
    // does not make "the field labelled Role" ambiguous to assistive tech and to tests.
    Select: Select.extend({
      defaultProps: { size: 'sm', checkIconPosition: 'right', comboboxProps: { shadow: 'md', keepMounted: false } },
    }),
    Checkbox: Checkbox.extend({ defaultProps: { size: 'sm' } }),
    Switch: Switch.extend({ defaultProps: { size: 'sm' } }),
    Badge: Badge.extend({ defaultProps: { variant: 'light', radius: 'sm', size: 'sm' } }),
    Table: Table.extend({ defaultProps: { verticalSpacing: 'xs', horizontalSpacing: 'sm', fz: 'sm' } }),
    Paper: Paper.extend({ defaultProps: { withBorder: true, radius: 'sm' } }),
    Modal: Modal.extend({
      defaultProps: { radius: 'sm', centered: true, overlayProps: { backgroundOpacity: 0.35 }, closeButtonProps: { 'aria-label': 'Close' } },
    }),
    Drawer: Drawer.extend({
      defaultProps: { position: 'right', overlayProps: { backgroundOpacity: 0.35 }, closeButtonProps: { 'aria-label': 'Close' } },
    }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } }),
    Menu: Menu.extend({ defaultProps: { shadow: 'md', radius: 'sm' } }),
    NavLink: NavLink.extend({ defaultProps: { variant: 'light' } }),
    Title: Title.extend({ defaultProps: { c: 'slate.9' } }),
  },
});

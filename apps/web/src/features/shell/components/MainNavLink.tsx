import { NavLink, Tooltip } from '@mantine/core';
import { NavLink as RouterNavLink, useMatch } from 'react-router';
import type { NavItem } from '@web/features/shell/navItems';

interface MainNavLinkProps {
  item: NavItem;
  onNavigate?: () => void;
  /** Icon only, named by `aria-label`, with the label as a tooltip on hover and keyboard focus. */
  compact?: boolean;
}

export function MainNavLink({ item, onNavigate, compact = false }: MainNavLinkProps) {
  const active = useMatch({ path: item.to, end: false }) !== null;
  const Icon = item.icon;
  if (compact) {
    return (
      <Tooltip label={item.label} position="right" withArrow openDelay={150} events={{ hover: true, focus: true, touch: false }}>
        <NavLink
          component={RouterNavLink}
          to={item.to}
          aria-label={item.label}
          active={active}
          leftSection={<Icon size={22} stroke={1.7} aria-hidden />}
          onClick={onNavigate}
          w={48}
          h={44}
          px={0}
          styles={{ section: { marginInlineEnd: 0 }, body: { display: 'none' } }}
          style={{ borderRadius: 'var(--mantine-radius-sm)', justifyContent: 'center' }}
        />
      </Tooltip>
    );
  }
  return (
    <NavLink
      component={RouterNavLink}
      to={item.to}
      label={item.label}
      active={active}
      leftSection={<Icon size={18} stroke={1.7} aria-hidden />}
      onClick={onNavigate}
      fw={active ? 600 : 500}
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
    />
  );
}

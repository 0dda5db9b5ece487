import { NavLink } from '@mantine/core';
import { NavLink as RouterNavLink, useMatch } from 'react-router';
import type { NavItem } from '@web/features/shell/navItems';

interface MainNavLinkProps {
  item: NavItem;
  onNavigate?: () => void;
}

export function MainNavLink({ item, onNavigate }: MainNavLinkProps) {
  const active = useMatch({ path: item.to, end: false }) !== null;
  const Icon = item.icon;
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

import { Divider, Stack, Text } from '@mantine/core';
import type { Permission } from '@skinledger/domain';
import { Fragment } from 'react';
import { useSignedInUser } from '@web/entities/current-user';
import { navSections } from '@web/features/shell/navItems';
import { MainNavLink } from './MainNavLink';

interface MainNavProps {
  onNavigate?: () => void;
  /** Icons only (the tablet rail): sections are separated by a rule and named for assistive tech only. */
  compact?: boolean;
}

/** The modules, grouped; administration links only for roles that may use them. */
export function MainNav({ onNavigate, compact = false }: MainNavProps) {
  const user = useSignedInUser();
  const permitted = (permission?: Permission | readonly Permission[]) =>
    !permission || (typeof permission === 'string' ? [permission] : permission).some((p) => user.permissions.includes(p));
  const sections = navSections
    .map((section) => ({ ...section, items: section.items.filter((item) => permitted(item.permission)) }))
    .filter((section) => section.items.length > 0);
  return (
    <Stack gap={compact ? 'xs' : 'lg'}>
      {sections.map((section, index) => {
        const headingId = `nav-${section.label.toLowerCase()}`;
        return (
          <Fragment key={section.label}>
            {compact && index > 0 && <Divider color="slate.2" />}
            <Stack
              gap={compact ? 4 : 2}
              role="group"
              {...(compact ? { 'aria-label': section.label, align: 'center' } : { 'aria-labelledby': headingId })}
            >
              {!compact && (
                <Text id={headingId} size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" mb={4} style={{ letterSpacing: '0.05em' }}>
                  {section.label}
                </Text>
              )}
              {section.items.map((item) => (
                <MainNavLink key={item.to} item={item} onNavigate={onNavigate} compact={compact} />
              ))}
            </Stack>
          </Fragment>
        );
      })}
    </Stack>
  );
}

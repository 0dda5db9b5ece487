import { Stack, Text } from '@mantine/core';
import type { Permission } from '@skinledger/domain';
import { useSignedInUser } from '@web/entities/current-user';
import { navSections } from '@web/features/shell/navItems';
import { MainNavLink } from './MainNavLink';

/** The modules, grouped; administration links only for roles that may use them. */
export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  const user = useSignedInUser();
  const permitted = (permission?: Permission) => !permission || user.permissions.includes(permission);
  return (
    <Stack gap="lg">
      {navSections.map((section) => {
        const items = section.items.filter((item) => permitted(item.permission));
        if (items.length === 0) return null;
        const headingId = `nav-${section.label.toLowerCase()}`;
        return (
          <Stack key={section.label} gap={2} role="group" aria-labelledby={headingId}>
            <Text id={headingId} size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" mb={4} style={{ letterSpacing: '0.05em' }}>
              {section.label}
            </Text>
            {items.map((item) => (
              <MainNavLink key={item.to} item={item} onNavigate={onNavigate} />
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}

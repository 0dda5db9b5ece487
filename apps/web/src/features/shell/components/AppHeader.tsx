import { Burger, Divider, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { BrandMark } from '@web/components/BrandMark';
import { useSignedInUser } from '@web/entities/current-user';
import { AccountMenu } from './AccountMenu';
import { LocationSwitcher } from './LocationSwitcher';

interface AppHeaderProps {
  navOpened: boolean;
  onToggleNav: () => void;
}

export function AppHeader({ navOpened, onToggleNav }: AppHeaderProps) {
  const user = useSignedInUser();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
          aria-expanded={navOpened}
          aria-controls="main-navigation"
        />
        <Link to="/" aria-label="SkinLedger home" style={{ textDecoration: 'none' }}>
          <BrandMark size="sm" />
        </Link>
        <Divider orientation="vertical" h={22} style={{ alignSelf: 'center' }} visibleFrom="xs" />
        <Text size="sm" fw={500} c="slate.7" truncate="end" visibleFrom="xs">
          {user.organizationName}
        </Text>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <LocationSwitcher />
        <AccountMenu />
      </Group>
    </Group>
  );
}

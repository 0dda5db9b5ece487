import { Avatar, Group, Menu, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { STAFF_ROLE_LABELS } from '@skinledger/domain';
import { IconChevronDown, IconKey, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useLogout } from '@web/features/auth';
import { useSignedInUser } from '@web/entities/current-user';
import { lazyNamed, useWantedOnce } from '@web/lib/lazy/lazyNamed';

// The two dialogs behind the menu load when first opened, not with every page.
const ChangePasswordModal = lazyNamed(() => import('./AccountDialogs'), 'ChangePasswordModal');
const MfaEnrolmentModal = lazyNamed(() => import('./AccountDialogs'), 'MfaEnrolmentModal');

/** "Dr. Maya Okafor" -> "MO", "Dana Whitfield RN" -> "DW": titles and post-nominal letters are skipped. */
function initials(name: string): string {
  const parts = name
    .replace(/^(dr|mr|mrs|ms|mx)\.?\s+/i, '')
    .split(/\s+/)
    .filter((part, index) => part && (index === 0 || !/^[A-Z]{2,4}$/.test(part.replace(/[.,]/g, ''))));
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** The signed-in person (name and role) with the sign-out action. */
export function AccountMenu() {
  const user = useSignedInUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const signOut = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  const [changingPassword, setChangingPassword] = useState(false);
  const [enrolling, setEnrolling] = useState(false);
  const changingWanted = useWantedOnce(changingPassword);
  const enrollingWanted = useWantedOnce(enrolling);

  return (
    <>
      {changingWanted && <ChangePasswordModal opened={changingPassword} onClose={() => setChangingPassword(false)} />}
      {enrollingWanted && <MfaEnrolmentModal opened={enrolling} onClose={() => setEnrolling(false)} />}
      <Menu position="bottom-end" width={240}>
        <Menu.Target>
          {/* Named by what it shows (name and role) followed by what it is: a label of its own would hide the visible name. */}
          <UnstyledButton px={6} py={4} mih={40} style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
            <Group gap={8} wrap="nowrap">
              <Avatar size={30} radius="xl" color="clinic" aria-hidden>
                {initials(user.name)}
              </Avatar>
              <Stack gap={0} visibleFrom="sm" maw={180}>
                <Text size="sm" fw={600} lh={1.25} truncate="end">
                  {user.name}
                </Text>
                <Text size="xs" c="dimmed" lh={1.25}>
                  {STAFF_ROLE_LABELS[user.role]}
                </Text>
              </Stack>
              <VisuallyHidden>Account menu</VisuallyHidden>
              <IconChevronDown size={14} aria-hidden color="var(--mantine-color-slate-6)" />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Signed in as</Menu.Label>
          <Text size="sm" px="sm" pb="xs" truncate="end">
            {user.email}
          </Text>
          <Menu.Divider />
          <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => setChangingPassword(true)}>
            Change password
          </Menu.Item>
          {!user.mfaEnabled && (
            <Menu.Item leftSection={<IconShieldLock size={16} aria-hidden />} onClick={() => setEnrolling(true)}>
              Set up two-step sign-in
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={signOut}>
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );
}

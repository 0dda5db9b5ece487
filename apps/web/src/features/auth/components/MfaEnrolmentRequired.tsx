import { Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useLogout } from '@web/features/auth/hooks/useLogout';
import { MfaEnrolment } from './MfaEnrolment';

/** Forced enrolment: shown instead of the app while the clinic requires MFA for the role and it is not on yet. */
export function MfaEnrolmentRequired() {
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Container size={460} py="xl">
      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          <Title order={2}>Set up two-step sign-in</Title>
          <Text size="sm">Your clinic requires a code from an authenticator app at sign-in for your role.</Text>
          <MfaEnrolment onDone={() => navigate('/', { replace: true })} />
          <Button variant="subtle" onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}>
            Sign out
          </Button>
        </Stack>
      </Paper>
    </Container>
  );
}

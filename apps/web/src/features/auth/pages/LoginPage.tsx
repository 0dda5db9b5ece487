import { Navigate, useLocation } from 'react-router';
import { Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { AuthLayout } from '@web/components/AuthLayout';
import { FullPageLoader } from '@web/components/FullPageLoader';
import { LoginForm } from '@web/features/auth/components/LoginForm';
import type { ReturnState } from '@web/features/auth/components/RequireSession';
import { useCurrentUser } from '@web/entities/current-user';

function readState(state: unknown): ReturnState {
  if (typeof state !== 'object' || state === null) return {};
  const { from, email } = state as Record<string, unknown>;
  return { from: typeof from === 'string' ? from : undefined, email: typeof email === 'string' ? email : undefined };
}

export function LoginPage() {
  useDocumentTitle('Sign in · SkinLedger');
  const { data: user, isPending } = useCurrentUser();
  const { from, email } = readState(useLocation().state);
  const destination = from && from !== '/login' ? from : '/';

  if (isPending) return <FullPageLoader />;
  if (user) return <Navigate to={destination} replace />;

  return (
    <AuthLayout
      title="Sign in to SkinLedger"
      description={email ? 'Your clinic is ready. Sign in with the account you just created.' : 'Use the email and password your clinic gave you.'}
    >
      <LoginForm initialEmail={email} />
      <Text size="xs" c="dimmed" mt="lg">
        Forgot your password? An owner or administrator of your clinic can reset it.
      </Text>
    </AuthLayout>
  );
}

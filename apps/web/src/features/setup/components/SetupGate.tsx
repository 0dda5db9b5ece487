import { Button, Center, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageLoader } from '@web/components/FullPageLoader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { useCurrentUser } from '@web/entities/current-user';
import type { ReturnState } from '@web/features/auth';
import { createdOwnerEmailKey, useSetupStatus } from '@web/features/setup/hooks/useSetupStatus';

/**
 * First thing on load: asks the API whether setup is needed (and, in parallel, who is signed in).
 * Until setup is done every route leads to /setup; afterwards /setup leads to sign-in.
 */
export function SetupGate() {
  const client = useQueryClient();
  const setup = useSetupStatus();
  useCurrentUser();
  const { pathname } = useLocation();

  if (setup.isPending) return <FullPageLoader />;
  if (setup.isError) {
    return (
      <Center h="100vh" px="md">
        <Stack maw={480} w="100%">
          <QueryErrorAlert error={setup.error} what="SkinLedger" />
          <Button variant="default" onClick={() => void setup.refetch()} loading={setup.isFetching}>
            Try again
          </Button>
        </Stack>
      </Center>
    );
  }
  const onSetup = pathname === '/setup';
  if (setup.data.needsSetup && !onSetup) return <Navigate to="/setup" replace />;
  if (!setup.data.needsSetup && onSetup) {
    const email = client.getQueryData<string>(createdOwnerEmailKey);
    const state: ReturnState = { email };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}

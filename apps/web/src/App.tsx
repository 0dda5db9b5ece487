import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { endSession } from '@web/features/auth';
import { createQueryClient } from '@web/lib/query/createQueryClient';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

const queryClient = createQueryClient((client) => endSession(client, 'expired'));

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} containerWidth={380} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}

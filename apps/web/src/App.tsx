import { MantineProvider } from '@mantine/core';
import type { NotificationsProps } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { endSession } from '@web/features/auth';
import { lazyNamed } from '@web/lib/lazy/lazyNamed';
import { createQueryClient } from '@web/lib/query/createQueryClient';
import { createRouter } from './router';
import { cssVariablesResolver, theme } from './theme';

const queryClient = createQueryClient((client) => endSession(client, 'expired'));
const router = createRouter(queryClient);
// Where notices appear. Its code (transitions, the stack) comes just after the first page: a notice raised before it
// is there waits in Mantine's notifications store and shows once it is mounted.
const Notifications = lazyNamed<'Notifications', NotificationsProps>(() => import('@mantine/notifications'), 'Notifications');

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

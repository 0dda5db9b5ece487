import { notifications } from '@mantine/notifications';
import type { QueryClient } from '@tanstack/react-query';
import { currentUserKey, type CurrentUser } from '@web/entities/current-user';

/**
 * Forgets the session and everything loaded under it. Setting the user to null first lets the route guard
 * take the signed-in pages down (to sign-in); then every other cached query is dropped.
 * `expired`: the API answered 401 to a signed-in user (deactivated, signed out elsewhere, timed out).
 */
export function endSession(client: QueryClient, reason: 'signed-out' | 'expired'): void {
  const user = client.getQueryData<CurrentUser | null>(currentUserKey);
  if (reason === 'expired' && !user) return;
  client.setQueryData<CurrentUser | null>(currentUserKey, null);
  const underSession = (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== currentUserKey[0];
  void client.cancelQueries({ predicate: underSession });
  client.removeQueries({ predicate: underSession });
  if (reason === 'expired') {
    notifications.show({
      id: 'session-ended',
      color: 'yellow',
      title: 'Your session has ended',
      message: 'Sign in again to continue.',
      autoClose: 8000,
    });
  }
}

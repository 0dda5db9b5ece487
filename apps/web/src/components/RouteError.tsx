import { Button, Paper } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { EmptyState } from './EmptyState';

/**
 * A page's code is loaded when its route is first visited. After SkinLedger is updated, a tab opened earlier asks for
 * files the new release no longer has: the browser's import fails, and reloading picks up the new release.
 */
function isStaleRelease(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /dynamically imported module|module script failed|error loading dynamically imported|unable to preload css/i.test(error.message);
}

/** What a route shows instead of a page that could not be loaded or failed to render. */
export function RouteError() {
  const error = useRouteError();
  const stale = isStaleRelease(error);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const title = stale ? 'SkinLedger has been updated' : notFound ? 'There is no page at this address' : 'This page could not be shown';
  return (
    <Paper m="md" role="alert">
      <EmptyState icon={<IconRefresh size={22} />} title={title}>
        {stale ? 'Reload to use the new version. ' : 'Reloading may help; if it does not, tell your administrator. '}
        <Button variant="subtle" size="compact-sm" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </EmptyState>
    </Paper>
  );
}

import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { SelectedLocationContext, type SelectedLocation } from '@web/entities/location';
import { theme } from '@web/theme';

export const TEST_LOCATION: SelectedLocation = {
  location: undefined,
  choices: [],
  timeZone: 'America/New_York',
  select: () => undefined,
};

/**
 * Renders a screen piece the way the dashboard does (Mantine theme, a fresh QueryClient without retries, a router,
 * the selected location), at "/"; `routes` adds pages the piece may navigate to.
 */
export function renderWithProviders(ui: ReactElement, routes: Record<string, ReactElement> = {}): RenderResult {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={client}>
        <SelectedLocationContext.Provider value={TEST_LOCATION}>
          <MemoryRouter initialEntries={['/']}>
            <Routes>
              <Route path="/" element={ui} />
              {Object.entries(routes).map(([path, element]) => (
                <Route key={path} path={path} element={element} />
              ))}
            </Routes>
          </MemoryRouter>
        </SelectedLocationContext.Provider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** What an openapi-fetch call resolves to. */
export function answer<T>(status: number, body: T): { data?: T; error?: unknown; response: Response } {
  const ok = status >= 200 && status < 300;
  return { ...(ok ? { data: body } : { error: body }), response: { ok, status } as Response };
}

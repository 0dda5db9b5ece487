import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { PERMISSION_MATRIX, type StaffRole } from '@skinledger/domain';
import { SignedInUserContext, type CurrentUser } from '@web/entities/current-user';
import { SelectedLocationContext, type SelectedLocation } from '@web/entities/location';
import { theme } from '@web/theme';

export const TEST_LOCATION: SelectedLocation = {
  location: undefined,
  choices: [],
  timeZone: 'America/New_York',
  select: () => undefined,
};

/** The signed-in person, with the permissions the API grants their role (an owner unless a test says otherwise). */
export function signedInAs(role: StaffRole = 'owner', overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: 'staff-me',
    email: 'owner@clinic.test',
    name: 'Olivia Owner',
    role,
    organizationId: 'organization-1',
    organizationName: 'Harbour Skin Clinic',
    organizationLocale: 'en-US',
    permissions: [...PERMISSION_MATRIX[role]],
    defaultLocationId: null,
    mfaEnabled: false,
    mfaEnrollmentRequired: false,
    ...overrides,
  };
}

interface RenderOptions {
  /** Pages the piece may navigate to, by route path. */
  routes?: Record<string, ReactElement>;
  user?: CurrentUser;
  location?: SelectedLocation;
}

/**
 * Renders a screen piece the way the dashboard does (Mantine theme, a fresh QueryClient without retries, a router,
 * the signed-in user, the selected location), at "/"; `routes` adds pages the piece may navigate to. Mantine's test environment turns
 * off transitions and portals, so dialogs and dropdowns render at once, in place.
 */
export function renderWithProviders(ui: ReactElement, { routes = {}, user = signedInAs(), location = TEST_LOCATION }: RenderOptions = {}): RenderResult {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={client}>
        <SignedInUserContext.Provider value={user}>
          <SelectedLocationContext.Provider value={location}>
            <MemoryRouter initialEntries={['/']}>
              <Routes>
                <Route path="/" element={ui} />
                {Object.entries(routes).map(([path, element]) => (
                  <Route key={path} path={path} element={element} />
                ))}
              </Routes>
            </MemoryRouter>
          </SelectedLocationContext.Provider>
        </SignedInUserContext.Provider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** What an openapi-fetch call resolves to. */
export function answer<T>(status: number, body: T): { data?: T; error?: unknown; response: Response } {
  const ok = status >= 200 && status < 300;
  return { ...(ok ? { data: body } : { error: body }), response: { ok, status } as Response };
}

/**
 * For a mocked `api.GET`: answers each path with its body (200); a path not listed answers 404, so a test sees
 * a call it did not expect as a missing screen part rather than as made-up data.
 */
export function answeringByPath(bodies: Record<string, unknown>) {
  return async (path: string) =>
    path in bodies ? answer(200, bodies[path]) : answer(404, { type: 'urn:skinledger:problem:not-found', title: 'Not found', status: 404, detail: `No test answer for ${path}` });
}

/** A 400 problem document naming invalid fields ([field, message] pairs), as the API's validation sends it. */
export function invalidFields(...problems: [field: string, message: string][]) {
  return {
    type: 'urn:skinledger:problem:validation',
    title: 'Invalid request',
    status: 400,
    detail: `Invalid fields: ${problems.map(([field]) => field).join(', ')}`,
    errors: problems.map(([field, message]) => ({ field, message })),
  };
}

/** A problem document of 422 rule violations, as the API sends them. */
export function violations(...messages: string[]) {
  return {
    type: 'urn:skinledger:problem:rule-violation',
    title: 'Rule violated',
    status: 422,
    detail: messages.join(' '),
    violations: messages.map((message, i) => ({ code: `rule-${i + 1}`, message })),
  };
}

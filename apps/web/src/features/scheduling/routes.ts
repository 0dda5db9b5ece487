import type { QueryClient } from '@tanstack/react-query';
import { prefetchTodaysSchedule } from './hooks/prefetchSchedule';

// The schedule, course planner, set-up and outbox pages, for the router (the calendar library comes only with the
// schedule).
// Each page's code, with the libraries only it uses, is loaded when its route is first visited (the router's lazy
// routes), never with the first page. Only the router imports this file; other features use the index.
export const schedulingPages = {
  schedule: () => import('./pages/SchedulePage').then((m) => m.SchedulePage),
  coursePlanner: () => import('./pages/CoursePlannerPage').then((m) => m.CoursePlannerPage),
  schedulingSetup: () => import('./pages/SchedulingSetupPage').then((m) => m.SchedulingSetupPage),
  outbox: () => import('./pages/OutboxPage').then((m) => m.OutboxPage),
};

/**
 * Route loaders: they send the pages' first requests while the pages' code loads, and return at once (navigation
 * never waits for them). Small and in the first load on purpose: the request must not wait for a chunk.
 */
export const schedulingLoaders = {
  schedule: (client: QueryClient) => () => {
    void prefetchTodaysSchedule(client);
    return null;
  },
};

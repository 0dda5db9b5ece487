// The Reports page, for the router: its code (and the charts library, recharts through @mantine/charts) loads only
// when /reports is first visited, never with another page. Only the router imports this file.
export const reportsPages = {
  reports: () => import('./pages/ReportsPage').then((m) => m.ReportsPage),
};

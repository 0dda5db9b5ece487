// Charting, the session record and after-care, for the router.
// Each page's code, with the libraries only it uses, is loaded when its route is first visited (the router's lazy
// routes), never with the first page. Only the router imports this file; other features use the index.
export const treatmentPages = {
  charting: () => import('./pages/ChartingPage').then((m) => m.ChartingPage),
  appointmentCharting: () => import('./pages/ChartingPage').then((m) => m.AppointmentChartingPage),
  session: () => import('./pages/SessionPage').then((m) => m.SessionPage),
  afterCare: () => import('./pages/AfterCarePage').then((m) => m.AfterCarePage),
  sessionPrint: () => import('./pages/SessionPrintPage').then((m) => m.SessionPrintPage),
};

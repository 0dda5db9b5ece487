// What other parts of the dashboard use from Reports: who may open it (the router's guard and the navigation).
// Light on purpose: the page and its charts load with the /reports route only (routes.ts).
export { REPORT_PERMISSIONS } from './reportTabs';

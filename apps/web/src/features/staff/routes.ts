// The staff page, for the router.
// Each page's code, with the libraries only it uses, is loaded when its route is first visited (the router's lazy
// routes), never with the first page. Only the router imports this file; other features use the index.
export const staffPages = {
  staff: () => import('./pages/StaffPage').then((m) => m.StaffPage),
};

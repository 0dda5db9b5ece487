// The consent form pages and the signing kiosks, for the router (the signature pad comes only with a kiosk).
// Each page's code, with the libraries only it uses, is loaded when its route is first visited (the router's lazy
// routes), never with the first page. Only the router imports this file; other features use the index.
export const consentPages = {
  consentKiosk: () => import('./pages/ConsentKioskPage').then((m) => m.ConsentKioskPage),
  visitKiosk: () => import('./pages/VisitKioskPage').then((m) => m.VisitKioskPage),
  consentTemplate: () => import('./pages/ConsentTemplatePage').then((m) => m.ConsentTemplatePage),
  consentTemplates: () => import('./pages/ConsentTemplatesPage').then((m) => m.ConsentTemplatesPage),
};

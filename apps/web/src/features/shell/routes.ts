// The app frame (header, navigation, location switcher) and the not-found page, for the router: loaded with the first
// signed-in page, so the sign-in page does without them.
export const shellPages = {
  appLayout: () => import('./components/AppLayout').then((m) => m.AppLayout),
  notFound: () => import('./pages/NotFoundPage').then((m) => m.NotFoundPage),
};

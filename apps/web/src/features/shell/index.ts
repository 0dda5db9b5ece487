// The app frame (header, navigation, location switcher) and its fallback pages.
export { AppLayout } from './components/AppLayout';
export { NotFoundPage } from './pages/NotFoundPage';

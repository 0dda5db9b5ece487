// Which patients a lot or a device touched (for the router).
export { ExposurePage } from './pages/ExposurePage';

// The organization, its locations and security settings (for the router). Locations as every feature reads them
// are the shared entity @web/entities/location.
export { SettingsPage } from './pages/SettingsPage';

// Stock, lots, recalls and devices: the pages (for the router), and the pens charting chooses from.
export { InventoryPage } from './pages/InventoryPage';
export { ReceiveStockPage } from './pages/ReceiveStockPage';
export { LotsPage } from './pages/LotsPage';
export { LotPage } from './pages/LotPage';
export { RecallsPage } from './pages/RecallsPage';
export { DevicesPage } from './pages/DevicesPage';
export { useDevices } from './hooks/useDevices';
// Stock changes when a session takes a cartridge: charting refreshes the inventory cache through these keys.
export { inventoryKeys } from './hooks/inventoryKeys';

// The stock, lot, recall and device pages, for the router (the camera scanner comes only with receiving).
// Each page's code, with the libraries only it uses, is loaded when its route is first visited (the router's lazy
// routes), never with the first page. Only the router imports this file; other features use the index.
export const inventoryPages = {
  inventory: () => import('./pages/InventoryPage').then((m) => m.InventoryPage),
  receiveStock: () => import('./pages/ReceiveStockPage').then((m) => m.ReceiveStockPage),
  lots: () => import('./pages/LotsPage').then((m) => m.LotsPage),
  lot: () => import('./pages/LotPage').then((m) => m.LotPage),
  recalls: () => import('./pages/RecallsPage').then((m) => m.RecallsPage),
  devices: () => import('./pages/DevicesPage').then((m) => m.DevicesPage),
};

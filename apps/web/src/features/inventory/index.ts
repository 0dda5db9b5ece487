// Stock, lots, recalls and devices, as other features use them: the pens charting chooses from. The pages are in
// routes.ts.
export { useDevices } from './hooks/useDevices';
// Stock changes when a session takes a cartridge: charting refreshes the inventory cache through these keys.
export { inventoryKeys } from './hooks/inventoryKeys';

import type { LotStatus } from '@skinledger/domain';

export interface LotListParams {
  productId: string;
  status: LotStatus | '';
  locationId: string;
}

export const inventoryKeys = {
  all: ['inventory'] as const,
  alerts: (locationId: string) => ['inventory', 'alerts', locationId] as const,
  onHand: (locationId: string) => ['inventory', 'on-hand', locationId] as const,
  products: ['inventory', 'products'] as const,
  lots: ['inventory', 'lots'] as const,
  lotPage: (params: LotListParams, after: string) => ['inventory', 'lots', params, after] as const,
  usableCartridgeLots: (locationId: string) => ['inventory', 'lots', 'usable-cartridges', locationId] as const,
  lot: (id: string) => ['inventory', 'lot', id] as const,
  recalls: ['inventory', 'recalls'] as const,
  devices: ['inventory', 'devices'] as const,
  device: (id: string) => ['inventory', 'devices', id] as const,
};

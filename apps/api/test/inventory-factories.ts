import { randomBytes } from 'node:crypto';
import { addDays, gs1CheckDigit, isoDateInTimeZone } from '@skinledger/domain';
import type { ApiClient } from './api-client';

export const GS = '\u001d';

/** A valid GTIN-14 made from 13 digits plus the check digit; random when no digits are given. */
export function gtin(digits13?: string): string {
  const data = digits13 ?? `0${Array.from(randomBytes(12), (b) => String(b % 10)).join('')}`;
  return `${data}${gs1CheckDigit(data)}`;
}

export function lotNumber(): string {
  return `L${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** A date relative to today in New York (the factories' location time zone). */
export function daysFromToday(days: number, timeZone = 'America/New_York'): string {
  return addDays(isoDateInTimeZone(new Date(), timeZone), days);
}

export async function createProduct(client: ApiClient, overrides: Record<string, unknown> = {}) {
  const response = await client.post('/api/products', {
    manufacturer: 'Crown Aesthetics',
    name: `Cartridge ${randomBytes(3).toString('hex')}`,
    gtin: gtin(),
    kind: 'needle_cartridge',
    needleCount: 14,
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`Creating a product failed: ${response.status} ${response.text}`);
  return response.body as { id: string; gtin: string; name: string; reorderThreshold: number };
}

export async function receiveLot(
  client: ApiClient,
  input: { productId: string; locationId: string; quantity?: number; expiresOn?: string; lotNumber?: string },
) {
  const response = await client.post('/api/lots', {
    lotNumber: lotNumber(),
    expiresOn: daysFromToday(365),
    quantity: 5,
    ...input,
  });
  if (response.status !== 201) throw new Error(`Receiving a lot failed: ${response.status} ${response.text}`);
  return response.body as { lotCreated: boolean; lot: { id: string; lotNumber: string; onHand: number }; movement: { id: string } };
}

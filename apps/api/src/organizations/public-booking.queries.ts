import type { EntityManager } from 'typeorm';

export interface PublicBookingClinic {
  organizationId: string;
  name: string;
  /** The stored settings key `onlineBooking` (the online-booking module applies its defaults). */
  onlineBooking: Record<string, unknown>;
}

/** public_booking_resolve (SECURITY DEFINER): a public request has no session; it also sets the tenant. */
export async function resolvePublicBookingSlug(manager: EntityManager, slug: string): Promise<PublicBookingClinic | null> {
  const [row]: { organization_id: string; name: string; online_booking: Record<string, unknown> }[] = await manager.query(
    `SELECT organization_id, name, online_booking FROM public_booking_resolve($1)`,
    [slug],
  );
  return row ? { organizationId: row.organization_id, name: row.name, onlineBooking: row.online_booking } : null;
}

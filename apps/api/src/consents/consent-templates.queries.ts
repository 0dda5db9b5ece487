import type { EntityManager } from 'typeorm';

/**
 * Marks the organization as seeded with the default templates; true only for the one transaction that did (the
 * others, concurrent ones included, find the row and must not seed again).
 */
export async function claimDefaultTemplateSeed(manager: EntityManager, organizationId: string): Promise<boolean> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO consent_template_seeds (organization_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING organization_id`,
    [organizationId],
  );
  return inserted.length > 0;
}

/** Of these templates, the versions published with "requires re-consent", per template. */
export async function reconsentVersions(manager: EntityManager, organizationId: string, templateIds: readonly string[]): Promise<Map<string, number[]>> {
  const rows: { template_id: string; version: number }[] = await manager.query(
    `SELECT template_id, version FROM consent_template_versions
     WHERE organization_id = $1 AND template_id = ANY($2::uuid[]) AND requires_reconsent`,
    [organizationId, templateIds],
  );
  const byTemplate = new Map<string, number[]>();
  for (const row of rows) byTemplate.set(row.template_id, [...(byTemplate.get(row.template_id) ?? []), row.version]);
  return byTemplate;
}

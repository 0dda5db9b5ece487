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

/**
 * The template a visit's consent of each kind is prepared from: of the organization's templates of that kind, one whose
 * current version was approved (reviewed with the medical director) first, then the most recently changed.
 */
export async function templatesForKinds(manager: EntityManager, organizationId: string, kinds: readonly string[]): Promise<Map<string, string>> {
  if (kinds.length === 0) return new Map();
  const rows: { id: string; kind: string }[] = await manager.query(
    `SELECT DISTINCT ON (kind) id, kind FROM consent_templates
      WHERE organization_id = $1 AND kind = ANY($2::text[]) AND current_version >= 1
      ORDER BY kind, (approved_version IS NOT DISTINCT FROM current_version) DESC, updated_at DESC, id`,
    [organizationId, kinds],
  );
  return new Map(rows.map((r) => [r.kind, r.id]));
}

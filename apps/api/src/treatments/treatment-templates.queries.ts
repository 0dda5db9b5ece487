import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

export interface TemplateRow {
  id: string;
  name: string;
  indication: string;
  notes: string;
  created_at: Date;
  updated_at: Date;
  updated_by_name: string;
  zones: { zone: string; depthMm: string | number; passes: number }[];
}

/** Templates with their zones in charting order and who last changed them (staff_directory). */
const TEMPLATE_SELECT = `
  SELECT t.id, t.name, t.indication, t.notes, t.created_at, t.updated_at, st.name AS updated_by_name,
         coalesce((SELECT json_agg(json_build_object('zone', z.zone, 'depthMm', z.depth_mm, 'passes', z.passes) ORDER BY z.position)
                     FROM treatment_template_zones z WHERE z.organization_id = t.organization_id AND z.template_id = t.id), '[]'::json) AS zones
    FROM treatment_templates t
    JOIN staff_directory st ON st.id = t.updated_by`;

export async function listTemplates(db: Db, organizationId: string, indication: string | null): Promise<TemplateRow[]> {
  return db.query(
    `${TEMPLATE_SELECT} WHERE t.organization_id = $1 AND ($2::text IS NULL OR t.indication = $2) ORDER BY t.indication, lower(t.name)`,
    [organizationId, indication],
  );
}

export async function findTemplate(db: Db, organizationId: string, id: string, lock = false): Promise<TemplateRow | undefined> {
  if (lock) await db.query(`SELECT 1 FROM treatment_templates WHERE organization_id = $1 AND id = $2 FOR UPDATE`, [organizationId, id]);
  const [row] = await db.query(`${TEMPLATE_SELECT} WHERE t.organization_id = $1 AND t.id = $2`, [organizationId, id]);
  return row;
}

export interface TemplateWrite {
  name: string;
  indication: string;
  notes: string;
  zones: readonly { zone: string; depthMm: number; passes: number }[];
}

export async function insertTemplate(db: Db, organizationId: string, staffId: string, input: TemplateWrite): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO treatment_templates (organization_id, name, indication, notes, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
    [organizationId, input.name, input.indication, input.notes, staffId],
  );
  await insertZones(db, organizationId, row.id, input.zones);
  return row.id as string;
}

export async function updateTemplate(db: Db, organizationId: string, id: string, staffId: string, input: TemplateWrite): Promise<void> {
  await db.query(
    `UPDATE treatment_templates SET name = $3, indication = $4, notes = $5, updated_by = $6, updated_at = clock_timestamp()
      WHERE organization_id = $1 AND id = $2`,
    [organizationId, id, input.name, input.indication, input.notes, staffId],
  );
  await db.query(`DELETE FROM treatment_template_zones WHERE organization_id = $1 AND template_id = $2`, [organizationId, id]);
  await insertZones(db, organizationId, id, input.zones);
}

export async function deleteTemplate(db: Db, organizationId: string, id: string): Promise<void> {
  await db.query(`DELETE FROM treatment_templates WHERE organization_id = $1 AND id = $2`, [organizationId, id]);
}

async function insertZones(db: Db, organizationId: string, templateId: string, zones: TemplateWrite['zones']): Promise<void> {
  if (zones.length === 0) return;
  await db.query(
    `INSERT INTO treatment_template_zones (organization_id, template_id, zone, depth_mm, passes, position)
     SELECT $1, $2, z.zone, z.depth_mm, z.passes, z.position - 1
       FROM unnest($3::text[], $4::numeric[], $5::smallint[]) WITH ORDINALITY AS z(zone, depth_mm, passes, position)`,
    [organizationId, templateId, zones.map((z) => z.zone), zones.map((z) => z.depthMm), zones.map((z) => z.passes)],
  );
}

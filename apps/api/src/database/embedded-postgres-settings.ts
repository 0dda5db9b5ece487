import os from 'node:os';

/**
 * Server settings for the embedded PostgreSQL that `npm start` runs for a clinic, sized to the machine: PostgreSQL's
 * defaults (128 MB shared buffers, 4 MB work memory, an effective cache of 4 GB, spinning-disk page costs) suit a
 * shared server, not one machine that runs SkinLedger and its database side by side on an SSD.
 * README.md ("PostgreSQL settings") gives the figures for a managed or self-run production server.
 */
export interface EmbeddedServerSettings {
  sharedBuffersMb: number;
  effectiveCacheSizeMb: number;
  workMemMb: number;
  maintenanceWorkMemMb: number;
  randomPageCost: number;
}

const MB = 1024 * 1024;

/** A quarter of memory for shared buffers is the usual advice for a dedicated server; the API shares this one, so an eighth, 128 MB–1 GB. */
export function embeddedServerSettings(totalMemoryBytes: number = os.totalmem()): EmbeddedServerSettings {
  const totalMb = Math.floor(totalMemoryBytes / MB);
  return {
    sharedBuffersMb: clamp(Math.floor(totalMb / 8), 128, 1024),
    // What the planner may assume the OS caches: half of memory, at least the shared buffers.
    effectiveCacheSizeMb: Math.max(clamp(Math.floor(totalMb / 2), 256, 8192), clamp(Math.floor(totalMb / 8), 128, 1024)),
    // Per sort or hash node: the search and exposure sorts fit in 16 MB; 10 pooled connections keep the product small.
    workMemMb: totalMb >= 4096 ? 16 : 8,
    maintenanceWorkMemMb: clamp(Math.floor(totalMb / 32), 64, 512),
    // The data directory sits on the machine's own disk, today an SSD: random reads cost little more than sequential.
    randomPageCost: 1.1,
  };
}

/** The settings as `postgres -c name=value` flags. */
export function embeddedServerFlags(settings: EmbeddedServerSettings = embeddedServerSettings()): string[] {
  return [
    ['shared_buffers', `${settings.sharedBuffersMb}MB`],
    ['effective_cache_size', `${settings.effectiveCacheSizeMb}MB`],
    ['work_mem', `${settings.workMemMb}MB`],
    ['maintenance_work_mem', `${settings.maintenanceWorkMemMb}MB`],
    ['random_page_cost', String(settings.randomPageCost)],
  ].flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

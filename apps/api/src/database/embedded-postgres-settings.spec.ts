import { embeddedServerFlags, embeddedServerSettings } from './embedded-postgres-settings';

const GB = 1024 * 1024 * 1024;

describe('the embedded PostgreSQL settings', () => {
  it('gives a small clinic PC (4 GB) 512 MB of shared buffers, a 2 GB cache estimate and SSD page costs', () => {
    expect(embeddedServerSettings(4 * GB)).toEqual({ sharedBuffersMb: 512, effectiveCacheSizeMb: 2048, workMemMb: 16, maintenanceWorkMemMb: 128, randomPageCost: 1.1 });
  });

  it('caps shared buffers at 1 GB on a large machine, since the API runs beside the database', () => {
    const settings = embeddedServerSettings(64 * GB);
    expect(settings.sharedBuffersMb).toBe(1024);
    expect(settings.effectiveCacheSizeMb).toBe(8192);
    expect(settings.maintenanceWorkMemMb).toBe(512);
  });

  it("never goes below PostgreSQL's own defaults on a tiny machine", () => {
    const settings = embeddedServerSettings(0.5 * GB);
    expect(settings.sharedBuffersMb).toBe(128);
    expect(settings.effectiveCacheSizeMb).toBeGreaterThanOrEqual(settings.sharedBuffersMb);
    expect(settings.workMemMb).toBe(8);
  });

  it('passes them to the server as -c flags', () => {
    expect(embeddedServerFlags(embeddedServerSettings(4 * GB))).toEqual([
      '-c', 'shared_buffers=512MB', '-c', 'effective_cache_size=2048MB', '-c', 'work_mem=16MB', '-c', 'maintenance_work_mem=128MB', '-c', 'random_page_cost=1.1',
    ]);
  });
});

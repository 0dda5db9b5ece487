import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The organizations module keeps the `settings` column but hands its raw store to the settings module only: every
 * other module reads and writes a typed key through settings' OrganizationSettingsService.
 */
const SRC = join(__dirname, '..');
const MAY_USE_THE_STORE = new Set(['organizations', 'settings', 'database', 'demo']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

describe("organizations' settings store", () => {
  it('is imported by the settings module only', () => {
    const importers = sourceFiles(SRC)
      .filter((path) => /from '[^']*\/organization-settings\.repository'/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(SRC, path))
      .filter((path) => !MAY_USE_THE_STORE.has(path.split(sep)[0]));
    expect(importers).toEqual([]);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readOrCreateSecret } from './secret-file';

describe('readOrCreateSecret', () => {
  it('generates a secret once, readable by its owner only, and returns the same one afterwards', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skinledger-secret-'));
    try {
      const file = path.join(dir, 'nested', 'database-app-password');
      const first = readOrCreateSecret(file);
      expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(readOrCreateSecret(file)).toBe(first);
      expect(fs.readdirSync(path.dirname(file))).toEqual(['database-app-password']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

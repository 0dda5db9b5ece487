// `npm run lint`: ESLint over the whole tree with the Nx module boundaries really enforced.
// @nx/enforce-module-boundaries reads Nx's cached project graph and silently skips itself when there is none
// (a fresh clone, CI), so the graph is computed first, and a forbidden import is linted as a probe: if the rule
// does not report it, the boundaries are not being enforced and lint fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { ESLint } from 'eslint';

execFileSync(process.execPath, ['node_modules/nx/bin/nx.js', 'show', 'projects'], { stdio: ['ignore', 'ignore', 'inherit'] });

const eslint = new ESLint();
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
const report = await formatter.format(results);
if (report) process.stdout.write(report);

// libs/domain holds the clinical rules and may import nothing but itself; importing the API must be refused.
const probe = await eslint.lintText("import { createApp } from '../../../apps/api/src/app.factory';\nexport const probe = createApp;\n", {
  filePath: 'libs/domain/src/boundary-probe.ts',
});
const probeRules = probe.flatMap((result) => result.messages.map((message) => message.ruleId));
const boundariesEnforced = probeRules.includes('@nx/enforce-module-boundaries');
if (!boundariesEnforced) {
  process.stderr.write('lint: @nx/enforce-module-boundaries did not report a forbidden import from libs/domain into apps/api; module boundaries are not enforced\n');
}

// The OpenAPI document the client is generated from, as Redocly's recommended rules read it (redocly.yaml): no error and
// no warning. Offline: no telemetry, no update check.
const redocly = spawnSync(process.execPath, ['node_modules/@redocly/cli/bin/cli.js', 'lint', '--format=json', '--max-problems=1000', 'libs/api-client/openapi.json'], {
  encoding: 'utf8',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
let openApiClean = false;
try {
  const { totals, problems } = JSON.parse(redocly.stdout);
  for (const problem of problems) {
    const where = problem.location.map((location) => location.pointer).join(', ');
    process.stdout.write(`libs/api-client/openapi.json ${where}\n  ${problem.severity}  ${problem.message}  ${problem.ruleId}\n`);
  }
  openApiClean = totals.errors === 0 && totals.warnings === 0;
  if (!openApiClean) process.stderr.write(`lint: Redocly finds ${totals.errors} errors and ${totals.warnings} warnings in libs/api-client/openapi.json\n`);
} catch {
  process.stderr.write(`lint: Redocly did not run (exit ${redocly.status}): ${redocly.stderr}\n`);
}

const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
process.exit(errors > 0 || !boundariesEnforced || !openApiClean ? 1 : 0);

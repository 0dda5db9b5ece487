// `npm run lint`: ESLint over the whole tree with the Nx module boundaries really enforced.
// @nx/enforce-module-boundaries reads Nx's cached project graph and silently skips itself when there is none
// (a fresh clone, CI), so the graph is computed first, and a forbidden import is linted as a probe: if the rule
// does not report it, the boundaries are not being enforced and lint fails.
import { execFileSync } from 'node:child_process';
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

const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
process.exit(errors > 0 || !boundariesEnforced ? 1 : 0);

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { PUBLISHED_VIEWS, TABLE_OWNERS } from '../src/database/table-owners';

/**
 * A module owns its tables (issue 12). Reads every API source file (tests aside) and fails when
 *  - SQL in a module names a table or view it neither owns nor has been published to it,
 *  - a module imports another module's TypeORM entity (the same reach into another's table, without SQL),
 *  - SQL is run (`.query(`) outside a `*.queries.ts` / `*.repository.ts` file: services never call it directly.
 * Infrastructure is exempt: `database/` (migrations, the runner, the app role, the entity list) and `demo/`
 * (the demo loader, which fills every module's tables as the owner role, like a migration would).
 */
const SRC = join(__dirname, '..', 'src');
const EXEMPT_MODULES = new Set(['database', 'demo']);
const SQL_FILE = /\.(queries|repository)\.ts$/;
// Where a table name stands in SQL: after these keywords (also TypeORM's .from('x') / .into('x') / .update('x')).
const TABLE_POSITION = /\b(?:from|join|into|update|table|only)\s+(?:public\.)?"?([a-z_][a-z0-9_]*)"?/gi;

const tableOwner = new Map<string, string>();
for (const [module, tables] of Object.entries(TABLE_OWNERS)) for (const table of tables) tableOwner.set(table, module);
for (const view of PUBLISHED_VIEWS) tableOwner.set(view.view, view.owner);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

function moduleOf(path: string): string {
  const [top, second] = relative(SRC, path).split(sep);
  return second === undefined ? '(root)' : top;
}

/** The text of every string and template literal, in order: where SQL lives in this code base. */
function literals(path: string, text: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) found.push([node.head.text, ...node.templateSpans.map((s) => `\${} ${s.literal.text}`)].join(''));
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true));
  return found;
}

function mayRead(module: string, table: string): boolean {
  const owner = tableOwner.get(table);
  if (owner === undefined || owner === module) return true;
  return PUBLISHED_VIEWS.some((v) => v.view === table && (v.readers === '*' || v.readers.includes(module)));
}

describe('table ownership', () => {
  const files = sourceFiles(SRC)
    .map((path) => ({ path, rel: relative(SRC, path), module: moduleOf(path), text: readFileSync(path, 'utf8') }))
    .filter((f) => !EXEMPT_MODULES.has(f.module));

  it('knows every table the migrations create', () => {
    const migrations = sourceFiles(join(SRC, 'database', 'migrations')).map((p) => readFileSync(p, 'utf8')).join('\n');
    const created = [...migrations.matchAll(/CREATE (?:TABLE|(?:OR REPLACE )?VIEW)\s+(?:IF NOT EXISTS\s+)?([a-z_][a-z0-9_]*)/g)].map((m) => m[1]);
    expect(created.filter((t) => !tableOwner.has(t))).toEqual([]);
  });

  it('lets a module name in SQL only its own tables and the views published to it', () => {
    const violations: string[] = [];
    for (const file of files) {
      for (const literal of literals(file.path, file.text)) {
        for (const match of literal.matchAll(TABLE_POSITION)) {
          const table = match[1].toLowerCase();
          if (!mayRead(file.module, table)) violations.push(`${file.rel}: names ${table} (owned by ${tableOwner.get(table)})`);
        }
      }
    }
    expect([...new Set(violations)]).toEqual([]);
  });

  it("never lets a module import another module's entity", () => {
    const violations: string[] = [];
    for (const file of files) {
      for (const match of file.text.matchAll(/from '(\.{1,2}\/[^']+\.entity)'/g)) {
        const target = join(file.path, '..', match[1]);
        const owner = moduleOf(target);
        if (owner !== file.module) violations.push(`${file.rel}: imports ${relative(SRC, target)}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('runs SQL only from query and repository files', () => {
    const violations = files
      .filter((f) => !SQL_FILE.test(f.rel) && /\.query\(/.test(f.text))
      .map((f) => `${f.rel}: ${(f.text.match(/\.query\(/g) ?? []).length} call(s) of .query(`);
    expect(violations).toEqual([]);
  });
});

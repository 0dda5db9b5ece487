import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CATALOG_CODES, OUTCOME_SCALE_CODES, SCREENING_CODES, ZONE_CODES } from '@skinledger/domain';
import ts from 'typescript';

/**
 * One rule, one code (issue 12). Reads every API and domain source file (tests aside) and fails on a code written
 * there that the catalog in libs/domain/src/codes does not hold: `code: '...'` in an object, and the code argument of
 * `new ConflictError(...)`, `new DomainError(...)`, `new ForbiddenError(...)`, `new UnauthorizedError(...)`, a DomainError subclass's
 * `super(status, code, ...)` and `problem(...)`. The types already refuse most misspellings; this also catches objects the compiler sees as `any`
 * (rows from SQL) or as plain strings. A code built from a template (`lot-${status}`) cannot be checked: write it out.
 * Clinical data ids that sit in a `code` field (screening findings, zones, outcome scales) are accepted as such.
 */
const ROOT = join(__dirname, '..', '..', '..');
const SOURCES = [join(ROOT, 'apps', 'api', 'src'), join(ROOT, 'libs', 'domain', 'src')];
const DATA_IDS = new Set<string>([...SCREENING_CODES, ...ZONE_CODES, ...OUTCOME_SCALE_CODES]);

/** Which argument of a call is its code. */
const CODE_ARGUMENT: Record<string, number> = { ConflictError: 0, DomainError: 1, ForbiddenError: 1, UnauthorizedError: 1, problem: 1 };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

interface WrittenCode {
  at: string;
  /** The literal, or `${...}` for a template nobody can check. */
  code: string;
}

/** The literal values an expression can take: `'a'`, `x ? 'a' : 'b'`, `('a')`; a template is reported as such. */
function literalValues(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [`${node.head.text}\${...}`];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return literalValues(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalValues(node.whenTrue), ...literalValues(node.whenFalse)];
  return [];
}

function calleeName(node: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = node.expression;
  // `super(409, 'code', ...)` in a DomainError subclass: status first, then the code, like DomainError itself.
  if (callee.kind === ts.SyntaxKind.SuperKeyword) return node.arguments?.[0] && ts.isNumericLiteral(node.arguments[0]) ? 'DomainError' : undefined;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function writtenCodes(path: string): WrittenCode[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: WrittenCode[] = [];
  const at = (node: ts.Node) => `${relative(ROOT, path)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && node.name.text === 'code') {
      for (const code of literalValues(node.initializer)) found.push({ at: at(node), code });
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const index = CODE_ARGUMENT[calleeName(node) ?? ''];
      const argument = index === undefined ? undefined : node.arguments?.[index];
      if (argument) for (const code of literalValues(argument)) found.push({ at: at(argument), code });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('the code catalog', () => {
  const written = SOURCES.flatMap(sourceFiles).flatMap(writtenCodes);

  it('finds the codes the API and the domain write', () => {
    expect(written.length).toBeGreaterThan(100);
    expect(written.map((w) => w.code)).toEqual(expect.arrayContaining(['rule-violation', 'medical-interval', 'keloid_history']));
  });

  it('holds every code the API and the domain write (add a new one to libs/domain/src/codes, kebab-case)', () => {
    const unknown = written.filter((w) => !CATALOG_CODES.has(w.code) && !DATA_IDS.has(w.code)).map((w) => `${w.at} ${w.code}`);
    expect(unknown).toEqual([]);
  });
});

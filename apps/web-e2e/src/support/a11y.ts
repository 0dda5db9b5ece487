import fs from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { AxeResults, ImpactValue, Result, RunOptions } from 'axe-core';

/**
 * Accessibility checks with axe-core, injected into the page under test only.
 *
 * axe compiles its message templates with `new Function`, which the dashboard's CSP (script-src 'self', no
 * 'unsafe-eval') refuses, as it refuses an injected <script>. So a page that runs these checks is opened with
 * `A11Y_CONTEXT` (`bypassCSP: true`) in the test's browser context; the server's CSP stays as it is for every real
 * user, and `plain-http-lan.e2e.ts` still drives the dashboard in a browser context that enforces it.
 *
 *     page = await browser.newPage({ ...A11Y_CONTEXT, viewport: { width: 1280, height: 800 } });
 *     ...
 *     await expectNoSeriousA11yViolations(page, 'patients list');
 *     await expectNoSeriousA11yViolations(page, 'booking dialog', { include: '[role="dialog"]' });
 */
export const A11Y_CONTEXT: Pick<BrowserContextOptions, 'bypassCSP'> = { bypassCSP: true };

/** WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices (landmarks, dialog names, ...). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const FAILING: ImpactValue[] = ['critical', 'serious'];

let axeSource: string | undefined;

export interface A11yCheckOptions {
  /** Check only this part of the page (a CSS selector), e.g. an open dialog. Default: the whole document. */
  include?: string;
  /** Leave these parts out (CSS selectors), e.g. a third-party widget the clinic cannot change. Say why at the call. */
  exclude?: string[];
  /** 'any': fail on every violation, moderate and minor too (axe 0 violations, as issue 16 asks of the booking pages). */
  failOn?: 'serious' | 'any';
}

/**
 * Runs axe on the page as it is now and fails the test on any critical or serious violation, listing each rule
 * with its help text and the elements it found (selector, HTML and what to fix). Moderate and minor findings are
 * printed, not failed. Waits for running CSS transitions (a dialog fading in would read as low contrast).
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string, options: A11yCheckOptions = {}): Promise<void> {
  await settle(page);
  const results = await runAxe(page, options);
  const failing = options.failOn === 'any' ? results.violations : results.violations.filter((v) => v.impact && FAILING.includes(v.impact));
  const other = results.violations.filter((v) => !failing.includes(v));
  if (other.length > 0 && process.env.A11Y_VERBOSE) process.stdout.write(describe(`${label} (moderate/minor, not failing)`, other));
  if (failing.length > 0) throw new Error(describe(label, failing));
}

/** The raw axe results, for a test that asserts something else than "nothing serious". */
export async function runAxe(page: Page, options: A11yCheckOptions = {}): Promise<AxeResults> {
  const loaded = () => page.evaluate(() => 'axe' in window);
  if (!(await loaded())) {
    axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.addScriptTag({ content: axeSource }).catch(() => undefined);
    if (!(await loaded())) throw new Error(`axe could not be injected into "${page.url()}": the dashboard's CSP refuses it. Open the page with { ...A11Y_CONTEXT } (bypassCSP: true) in the test.`);
  }
  const context = { include: [options.include ?? 'html'], exclude: options.exclude ?? [] };
  const runOptions: RunOptions = { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] };
  try {
    return await page.evaluate(
      ([context, runOptions]) => (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe.run(context, runOptions),
      [context, runOptions] as const,
    );
  } catch (error) {
    if (/EvalError|unsafe-eval|Content Security Policy/i.test(String(error))) {
      throw new Error(`axe cannot run under the dashboard's CSP: open this page with { ...A11Y_CONTEXT } (bypassCSP: true) in the test.\n${String(error)}`);
    }
    throw error;
  }
}

/** Waits (up to 2 s) until no CSS transition or animation is running, so colours are read at rest. */
async function settle(page: Page): Promise<void> {
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity), undefined, {
      timeout: 2000,
    })
    .catch(() => undefined);
}

function describe(label: string, violations: Result[]): string {
  const lines = [`Accessibility (axe-core): ${violations.length} rule(s) violated on "${label}"`];
  for (const v of violations) {
    lines.push('', `  [${v.impact}] ${v.id}: ${v.help}`, `    ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 8)) {
      lines.push(`    - ${node.target.join(' ')}`);
      lines.push(`      ${node.html.replace(/\s+/g, ' ').slice(0, 240)}`);
      if (node.failureSummary) lines.push(...node.failureSummary.split('\n').map((line) => `      ${line.trim()}`));
    }
    if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more element(s)`);
  }
  return `${lines.join('\n')}\n`;
}

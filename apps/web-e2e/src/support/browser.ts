import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (or CHROMIUM_PATH); nothing downloads a browser of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, env: browserEnvironment() });
  return process.env.FAKETIME ? onTheTestsClock(browser) : browser;
}

/**
 * Run under libfaketime (tools/run-at.sh: the suite at another date and hour), Chromium would hang with the library
 * preloaded: it starts without it, and each of its contexts gets the test process's (faked) clock from Playwright.
 */
function browserEnvironment(): Record<string, string> {
  const environment = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  for (const name of Object.keys(environment)) if (name === 'LD_PRELOAD' || name.startsWith('FAKETIME')) delete environment[name];
  return environment;
}

function onTheTestsClock(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.clock.install({ time: Date.now() });
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    await page.context().clock.install({ time: Date.now() });
    return page;
  };
  return browser;
}

const ARTIFACTS = path.resolve(__dirname, '../../artifacts');

/** Keeps a screenshot of the page for a person to look at (on failure, or as documentation). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

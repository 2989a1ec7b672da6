/**
 * Headless Chromium for the report tests (Debian `chromium`, driven by playwright-core): one page in a fresh profile,
 * with every request and every script error or warning recorded.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = process.env.DIMING_CHROMIUM || '/usr/bin/chromium';
/** CI (.ci/suites/chromium.sh) requires the browser: a missing one fails instead of skipping. */
export const REQUIRED = process.env.DIMING_REQUIRE_CHROMIUM === '1';
export const HAVE = existsSync(CHROMIUM);
export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for. */
  requests: string[];
  /** Console errors and warnings, and uncaught script errors. */
  problems: string[];
  close(): Promise<void>;
}

export async function openWatchedPage(viewport: { width: number; height: number }): Promise<WatchedPage> {
  if (!HAVE) throw new Error(`DIMING_REQUIRE_CHROMIUM=1 but ${CHROMIUM} does not exist (apt-get install -y chromium fonts-noto-cjk)`);
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'diming-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS, viewport });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (req) => requests.push(req.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return {
    context, page, requests, problems,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

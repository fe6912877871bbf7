// Browser-test harness: builds web/dist if needed, serves the real app (buildApp on a copy of the seeded
// template database) on a free port, drives Debian's Chromium through playwright-core, and checks every
// page with axe-core. A missing Chromium fails the run: CI counts on these tests having run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { generate } from 'otplib';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { TOTP_PERIOD } from '../src/core/auth/totp';
import { type TestApp, createTestApp } from '../test/app';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The instant the server's clock and the browser's clock both show (a Monday in 2026, a year the shipped
 * holiday list covers), so dates on screen and TOTP codes do not depend on when the tests run.
 */
export const E2E_NOW = new Date('2026-03-02T02:00:00Z');

/** The narrowest phone the web app supports. */
export const PHONE = { width: 360, height: 740 } as const;

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Builds web/dist when it is missing or older than web/src (the same script `npm start` runs). */
export function ensureWebBuilt(): void {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-web-if-needed.mjs'), '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (!fs.existsSync(path.join(root, 'web/dist/index.html')))
    throw new Error('web/dist/index.html is missing after the build');
}

export interface E2E {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies and storage) with one page, at `viewport` (default desktop). */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the app and Chromium for this test file; everything is closed in afterAll. */
export async function startE2E(): Promise<E2E> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium package (browser tests never skip)`,
    );
  }
  ensureWebBuilt();
  const t = await createTestApp({ now: E2E_NOW });
  const baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const contexts: BrowserContext[] = [];
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    for (const c of contexts) await c.close().catch(() => {});
    await browser.close();
    await t.close();
  };
  afterAll(close);
  return {
    t,
    baseUrl,
    browser,
    async newPage(viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport,
        locale: 'id-ID',
        timezoneId: 'Asia/Jakarta',
      });
      contexts.push(context);
      const page = await context.newPage();
      // The browser shows the server's (test) time; timers keep running.
      await page.clock.setFixedTime(t.clock.now());
      page.setDefaultTimeout(30_000);
      return page;
    },
    close,
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core on the page; fails listing every serious or critical violation. */
export async function axeCheck(page: Page, label = page.url()): Promise<void> {
  await page.waitForLoadState('domcontentloaded');
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map(
      (v) =>
        `- ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`).join('\n    ')}`,
    )
    .join('\n');
  expect(bad.length, `axe found serious/critical violations on ${label}:\n${report}`).toBe(0);
}

/**
 * Saves a screenshot when E2E_SCREENSHOTS names a folder (for looking at the pages; never asserted on).
 */
export async function snap(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The TOTP code an authenticator app would show at the server's (test) clock. */
export async function totpNow(t: TestApp, secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
}

/** Moves the server's clock to the next TOTP step, so a fresh code is accepted (a code is never accepted twice). */
export function nextTotpStep(t: TestApp): void {
  t.clock.advance(TOTP_PERIOD * 1000);
}

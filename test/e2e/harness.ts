/**
 * End-to-end harness: the real server (built web pages, SQLite, real clock) on a free port, and
 * Debian's Chromium driven by playwright-core. Every page is watched for console errors and
 * uncaught exceptions; `expectNoBrowserErrors` fails the test on any.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { DEFAULT_WEB_ROOT } from '../../src/server/plugins/web-pages.js';
import type { Store } from '../../src/db/connect.js';
import type { Role } from '../../src/shared/roles.js';
import { createTestStore, dialect } from '../helpers/test-store.js';
export { isDialectAvailable } from '../helpers/test-store.js';
import { buildUser } from '../factories/user.factory.js';
import { hasTotp, nextTotpCode } from '../helpers/totp-codes.js';

export const CHROMIUM = process.env.GOVINFO_CHROMIUM ?? '/usr/bin/chromium';
/**
 * Where the end-to-end run saves its screenshots: a temporary folder, so running the tests never
 * changes the work tree; `npm run screenshots` points it at docs/screenshots on purpose.
 */
export const SCREENSHOTS = process.env.GOVINFO_SCREENSHOTS
  ? path.resolve(process.env.GOVINFO_SCREENSHOTS)
  : path.join(os.tmpdir(), 'govinfo-screenshots');
const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 375, height: 740 };

if (!fs.existsSync(path.join(DEFAULT_WEB_ROOT, 'index.html'))) {
  throw new Error(
    `The web pages are not built (${DEFAULT_WEB_ROOT}): run \`npm test\`, or \`npm run build:web\` before running vitest directly.`
  );
}
if (!fs.existsSync(CHROMIUM)) {
  throw new Error(
    `Chromium is not installed at ${CHROMIUM}: \`apt-get install chromium fonts-noto-cjk\` (.ci/run does it).`
  );
}

export interface System {
  url: string;
  app: FastifyInstance;
  store: Store;
  /** A signed-in-ready account of a role (in a unit, for unit roles). */
  account(role: Role, unit?: string | null): Promise<{ id: number; username: string; password: string }>;
  close(): Promise<void>;
}

export async function startSystem(): Promise<System> {
  const { store, cleanup } = await createTestStore();
  const config = {
    secureCookies: 'never' as const,
    trustProxy: false,
    loginRateLimit: 1000,
    costlyRateLimit: 10_000,
    maxAttachmentBytes: 5 * 1024 * 1024,
    now: () => new Date(),
  };
  const app = await buildApp({ db: store.db, config });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    app,
    store,
    account: (role, unit = null) => buildUser(store.db, role, unit, new Date()),
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
}

export interface Browsing {
  browser: Browser;
  /**
   * A new signed-out window (its own cookies), desktop size unless given. Its system asks for
   * reduced motion unless `motion` is set: a click that lands while a dialog is still zooming in
   * is dropped by antd, and on a loaded machine the test would wait for what never comes.
   */
  newPage(viewport?: { width: number; height: number }, options?: { motion?: boolean }): Promise<Page>;
  /** Console errors, uncaught exceptions and failed requests seen on any page so far. */
  errors: string[];
  /**
   * A refusal the test provokes on purpose (`404 GET /api/items/7`): matching failed requests
   * and the console line Chromium logs for them are not counted as errors.
   */
  expectRefusal(pattern: RegExp): void;
  close(): Promise<void>;
}

/** Each page's requests under way, for `settled`. */
const inFlight = new WeakMap<Page, Set<Request>>();

/** Each page's way to declare, and withdraw, a refusal it provokes (signIn's first step with a second factor). */
const refusalsOf = new WeakMap<Page, { expect(pattern: RegExp): void; withdraw(pattern: RegExp): void }>();

/** Waits until the page has had no request under way for `quietMs` (a page's data and code chunks have arrived). */
export async function settled(page: Page, quietMs = 150): Promise<void> {
  const pending = inFlight.get(page);
  if (!pending) throw new Error('settled() needs a page from Browsing.newPage');
  const deadline = Date.now() + 30_000;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (pending.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await page.waitForTimeout(20);
  }
  throw new Error(`requests still under way on ${page.url()}: ${[...pending].map((r) => r.url()).join(', ')}`);
}

/** Goes to an address inside the app as a menu click does (no reload), then waits for the page's requests. */
export async function navigateInApp(page: Page, address: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, address);
  await settled(page);
}

export async function launchBrowser(baseURL: string): Promise<Browsing> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const errors: string[] = [];
  const expected: RegExp[] = [];
  const contexts: BrowserContext[] = [];
  const isExpected = (failure: string) => expected.some((pattern) => pattern.test(failure));
  return {
    browser,
    errors,
    expectRefusal: (pattern) => {
      expected.push(pattern);
    },
    newPage: async (viewport = DESKTOP, options = {}) => {
      const context = await browser.newContext({
        baseURL,
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        reducedMotion: options.motion ? 'no-preference' : 'reduce',
      });
      contexts.push(context);
      const page = await context.newPage();
      refusalsOf.set(page, {
        expect: (pattern) => expected.push(pattern),
        withdraw: (pattern) => {
          const at = expected.indexOf(pattern);
          if (at >= 0) expected.splice(at, 1);
        },
      });
      const pending = new Set<Request>();
      inFlight.set(page, pending);
      page.on('request', (request) => pending.add(request));
      page.on('requestfinished', (request) => pending.delete(request));
      page.on('requestfailed', (request) => pending.delete(request));
      // Generous: CI runs these beside the database suites on two cores.
      page.setDefaultTimeout(30_000);
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // Chromium logs every failed request as a console error; the response handler below names it with its address.
        if (/^Failed to load resource/.test(message.text())) return;
        errors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      // Every failed request counts (a 401 probe, a missing icon, a 403 from a widget), unless the test provoked it.
      page.on('response', (response) => {
        if (response.status() < 400) return;
        const url = new URL(response.url());
        const failure = `${response.status()} ${response.request().method()} ${url.pathname}${url.search}`;
        if (!isExpected(failure)) errors.push(`${page.url()}: ${failure}`);
      });
      page.on('requestfailed', (request) => {
        const reason = request.failure()?.errorText ?? '';
        // A request the page aborted itself (left before it answered) is not a failure.
        if (reason === 'net::ERR_ABORTED') return;
        errors.push(`${page.url()}: ${request.method()} ${request.url()} failed (${reason})`);
      });
      return page;
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/**
 * Signs in through the login page and waits for the dashboard. An account with a second factor
 * (administrators) is asked for its code after the password, as a person is, and types the one its
 * authenticator shows (test/helpers/totp-codes).
 */
export async function signIn(page: Page, account: { username: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  if (!hasTotp(account.username)) {
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('今天需要处理').waitFor();
    return;
  }
  // The server answers the password alone with 401 "请输入双因素认证码": the form then asks for the code.
  const askedForCode = /^401 POST \/api\/auth\/login$/;
  const refusals = refusalsOf.get(page);
  refusals?.expect(askedForCode);
  try {
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByLabel('动态验证码').fill(await totpNow(account.username));
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('今天需要处理').waitFor();
  } finally {
    refusals?.withdraw(askedForCode);
  }
}

/** The account's next unused code on the real clock, waiting for the next 30-second step when all are used. */
async function totpNow(username: string): Promise<string> {
  for (;;) {
    const code = nextTotpCode(username, new Date());
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 50));
  }
}

/** Saves a screenshot of the page (for the README when run by `npm run screenshots`). */
export async function screenshot(page: Page, name: string): Promise<void> {
  // One run takes them (the pages are the same on both databases, and the runs may overlap).
  if (dialect !== 'sqlite') return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** Waits until the text shows on the page (playwright-core has no expect: a wait that times out fails the test). */
export async function see(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible' });
}

/** Waits until no antd motion (a dialog zooming in, a list sliding open or closed) is under way. */
export async function motionless(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('[class*="-appear-active"], [class*="-enter-active"], [class*="-leave-active"]'),
    undefined,
    { polling: 'raf' }
  );
}

/**
 * Picks an option of the antd Select labelled `label` and waits until the field shows it, as a
 * person does: only once the dialog and the list have finished opening. Under load a click that
 * still lands mid-motion is dropped by antd; the field then lacks the choice and it is made again
 * (at most three times).
 */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  const formItem = page.locator('.ant-form-item').filter({ has: field });
  for (let attempt = 1; attempt <= 3; attempt++) {
    await motionless(page);
    await field.click();
    await motionless(page);
    const picked = await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
      .first()
      .click({ timeout: 5000 })
      .then(
        () => true,
        () => false
      );
    if (picked && (await formItem.count()) === 0) return;
    const deadline = Date.now() + 2000;
    while (picked && Date.now() < deadline) {
      if ((await formItem.first().innerText()).includes(option)) return;
      await page.waitForTimeout(100);
    }
    // Close a list left open (Escape with none open would close the dialog instead).
    if (await page.locator('.ant-select-dropdown:visible').count()) await page.keyboard.press('Escape');
  }
  throw new Error(`the field ${label} did not take the option ${option}`);
}

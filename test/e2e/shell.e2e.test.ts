import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/security/totp.js';
import { ensureFirstAdmin, FIRST_ADMIN_USERNAME } from '../../src/services/auth/ensure-first-admin.js';
import { TEST_PASSWORD } from '../factories/user.factory.js';
import { loginAs } from '../helpers/test-app.js';
import {
  launchBrowser,
  screenshot,
  see,
  signIn,
  startSystem,
  type Browsing,
  type System,
  isDialectAvailable,
} from './harness.js';

describe.skipIf(!isDialectAvailable)('the app shell in Chromium', () => {
  let system: System;
  let browsing: Browsing;
  let oneTime: string;
  beforeAll(async () => {
    system = await startSystem();
    // As `govinfo serve` does on a database without accounts.
    oneTime = (await ensureFirstAdmin(system.store.db, undefined, new Date()))!;
    browsing = await launchBrowser(system.url);
  });
  afterAll(async () => {
    await browsing?.close();
    await system?.close();
  });

  it('signs in with the Chinese login page, refuses a wrong password in Chinese, and opens the dashboard', async () => {
    const officer = await system.account('officer', '沙湾镇');
    const page = await browsing.newPage();
    await page.goto('/unit/items');
    await page.getByRole('button', { name: '登录' }).waitFor();
    // The office is the server's (its roster's district), not written into the page.
    await see(page, '广州市番禺区人民政府办公室');
    await screenshot(page, 'login');
    await page.getByLabel('用户名').fill(officer.username);
    browsing.expectRefusal(/^401 POST \/api\/auth\/login$/);
    await page.getByLabel('密码').fill('Wrong#Password1');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();

    await signIn(page, officer);
    await see(page, '沙湾镇');
    // The icon the browser asks for by its old address, as well as the one the page names.
    const icon = await page.request.get('/favicon.ico');
    expect(icon.status()).toBe(200);
    expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    expect((await page.request.get('/favicon.svg')).headers()['content-type']).toContain('image/svg+xml');
    await page.getByRole('menuitem', { name: '新建信息稿件' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '收稿箱' }).count()).toBe(0);
    expect(browsing.errors).toEqual([]);
  });

  it('the first administrator signs in with the one-time password and must set a new one before anything else; then signs out', async () => {
    const page = await browsing.newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill(FIRST_ADMIN_USERNAME);
    await page.getByLabel('密码').fill(oneTime);
    await page.getByRole('button', { name: '登录' }).click();
    await see(page, '首次登录或密码已过期，请先设置新密码。');
    // Nothing else loads meanwhile: no menu, no bell, no dashboard widgets that the server would refuse.
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('menuitem').count()).toBe(0);
    expect(browsing.errors).toEqual([]);
    // Every other page sends the user back here until the password is changed.
    await page.goto('/admin/accounts');
    await see(page, '首次登录或密码已过期，请先设置新密码。');

    await page.getByLabel('当前密码').fill(oneTime);
    await page.getByLabel('新密码', { exact: true }).fill('password');
    await see(page, '密码须包含大写字母、小写字母、数字、符号中的至少三类');
    await page.getByLabel('新密码', { exact: true }).fill('Guan-Li#2026x');
    await page.getByLabel('确认新密码').fill('Guan-Li#2026y');
    await see(page, '两次输入的新密码不一致');
    await page.getByLabel('确认新密码').fill('Guan-Li#2026x');
    await page.getByRole('button', { name: '保存新密码' }).click();
    // Issue 10, finding 6: right after the new password, the administrator binds a second factor
    // before any other page works: a QR code, the key as text, then a code from the authenticator.
    await see(page, '您的角色须启用双因素认证，绑定后才能继续使用系统。');
    await page.goto('/admin/accounts');
    await see(page, '您的角色须启用双因素认证，绑定后才能继续使用系统。');
    expect(await page.getByRole('menuitem').count()).toBe(0);
    await page.getByRole('button', { name: '生成密钥' }).click();
    await page.getByLabel('双因素认证密钥二维码').waitFor();
    const secret = (await page.locator('.ant-typography code').first().innerText()).trim();
    await screenshot(page, 'totp-enrolment');
    await page.getByLabel('动态验证码').fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: '确认绑定' }).click();
    await see(page, '今天需要处理');
    // Signing out while the page's list is still loading: the list's request reaches the server only
    // after the session has ended there, before the page has heard so. It must be abandoned, not refused.
    let releaseList = () => {};
    const listHeld = new Promise<void>((resolve) => {
      releaseList = resolve;
    });
    await page.route('**/api/accounts*', async (route) => {
      await listHeld;
      await route.continue().catch(() => undefined);
    });
    await page.route('**/api/auth/logout', async (route) => {
      const response = await route.fetch();
      releaseList();
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.fulfill({ response });
    });
    await page.getByRole('menuitem', { name: '账号与角色' }).click();
    await page.waitForURL('**/admin/accounts');

    await page.getByRole('button', { name: '账号菜单' }).click();
    await page.getByText('退出登录').click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    // The session is gone on the server too: the API refuses the old cookie.
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);
    expect(browsing.errors).toEqual([]);
  });

  it('an account whose role must use a second factor binds it in the browser before anything else, then signs in with a code', async () => {
    // Created before its role requires a second factor, so it has none yet.
    const leader = await system.account('office_leader');
    const security = await loginAs(system.app, (await system.account('security_admin')).username, TEST_PASSWORD);
    const settings = (await security.get('/api/security-settings')).json();
    expect(
      (
        await security.put('/api/security-settings', {
          ...settings,
          totpRequiredRoles: [...settings.totpRequiredRoles, 'office_leader'],
        })
      ).statusCode
    ).toBe(200);
    const page = await browsing.newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill(leader.username);
    await page.getByLabel('密码').fill(leader.password);
    await page.getByRole('button', { name: '登录' }).click();
    await see(page, '您的角色须启用双因素认证，绑定后才能继续使用系统。');
    await page.goto('/results');
    await see(page, '您的角色须启用双因素认证，绑定后才能继续使用系统。');
    await page.getByRole('button', { name: '生成密钥' }).click();
    const secret = (await page.locator('.ant-typography code').first().innerText()).trim();
    await page.getByLabel('动态验证码').fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: '确认绑定' }).click();
    await see(page, '今天需要处理');

    const again = await browsing.newPage();
    await again.goto('/login');
    await again.getByLabel('用户名').fill(leader.username);
    await again.getByLabel('密码').fill(leader.password);
    browsing.expectRefusal(/^401 POST \/api\/auth\/login$/);
    await again.getByRole('button', { name: '登录' }).click();
    // A code is taken once: the one that confirmed the binding is used, the authenticator's next one signs in.
    await again.getByLabel('动态验证码').fill(totpCode(secret, new Date(Date.now() + 30_000)));
    await again.getByRole('button', { name: '登录' }).click();
    await see(again, '今天需要处理');
    expect(browsing.errors).toEqual([]);
  });

  it('opens dialogs without zooming where the system asks for reduced motion, and with it otherwise', async () => {
    const editor = await system.account('editor');
    for (const motion of [true, false]) {
      const page = await browsing.newPage(undefined, { motion });
      await signIn(page, editor);
      await page.goto('/editor/solicitations');
      const opener = page.getByRole('button', { name: '发布约稿' }).first();
      await opener.waitFor();
      // Records every running antd motion (ant-zoom-appear-active…) from here on: the dialog's zoom is one.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { motionSeen: string[] }).motionSeen = seen;
        new MutationObserver((changes) => {
          for (const change of changes) {
            for (const node of [change.target, ...change.addedNodes]) {
              if (!(node instanceof Element)) continue;
              const found = node.className.toString().match(/\S+-(appear|enter)-active\b/);
              if (found) seen.push(found[0]);
            }
          }
        }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'], childList: true });
      });
      await opener.click();
      await page.getByRole('dialog').getByLabel('约稿标题').waitFor();
      await page.waitForTimeout(500);
      const seen = await page.evaluate(() => (window as unknown as { motionSeen: string[] }).motionSeen);
      if (motion) expect(seen).toContain('ant-zoom-appear-active');
      else expect(seen).toEqual([]);
    }
    expect(browsing.errors).toEqual([]);
  });
});

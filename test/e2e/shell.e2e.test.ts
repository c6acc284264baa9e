import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, see, signIn, startSystem, type Browsing, type System } from './harness.js';

describe('the app shell in Chromium', () => {
  let system: System;
  let browsing: Browsing;
  beforeAll(async () => {
    system = await startSystem();
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
    await screenshot(page, 'login');
    await page.getByLabel('用户名').fill(officer.username);
    await page.getByLabel('密码').fill('Wrong#Password1');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();

    await signIn(page, officer);
    await see(page, '沙湾镇');
    await page.getByRole('menuitem', { name: '新建信息稿件' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '收稿箱' }).count()).toBe(0);
    expect(browsing.errors).toEqual([]);
  });
});

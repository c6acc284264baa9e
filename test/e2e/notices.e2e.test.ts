/** 信息工作通知 in Chromium: the editor posts to chosen units, an officer confirms on the dashboard, the editor sees it read. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  see,
  settled,
  signIn,
  startSystem,
  type Browsing,
  type System,
  isDialectAvailable,
} from './harness.js';

describe.skipIf(!isDialectAvailable)('信息工作通知 in Chromium', () => {
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

  it('the editor posts a notice to chosen units; an officer confirms it on the dashboard; the editor sees it read', async () => {
    const editor = await system.account('editor');
    const officer = await system.account('officer', '沙湾镇');
    const title = '关于调整政务信息报送途径的通知';

    const editorPage = await browsing.newPage();
    await signIn(editorPage, editor);
    await editorPage.goto('/editor/notices');
    await editorPage.getByRole('button', { name: '发布通知' }).first().click();
    await editorPage.getByLabel('通知标题').fill(title);
    await editorPage.getByLabel('通知正文').fill('自下月起，政务信息统一通过本系统报送。');
    await editorPage.getByLabel('指定单位').check();
    const picker = editorPage.getByLabel('接收单位', { exact: true });
    await picker.click();
    await picker.fill('swz');
    await editorPage.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '沙湾镇' }).click();
    await picker.fill('石基');
    await editorPage.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '石基镇' }).click();
    await editorPage.getByRole('dialog').getByRole('button', { name: '发布' }).click();
    await editorPage.getByRole('dialog').waitFor({ state: 'detached' });
    await see(editorPage, '阅读情况：已阅 0 / 2');

    const unitPage = await browsing.newPage();
    await signIn(unitPage, officer);
    const card = unitPage.locator('.ant-card', { hasText: '信息工作通知' });
    await card.getByText(title).waitFor();
    await card.getByRole('button', { name: '确认已阅' }).click();
    await card.locator('.ant-tag', { hasText: '已阅' }).waitFor();
    await settled(unitPage);

    await editorPage.reload();
    await see(editorPage, '阅读情况：已阅 1 / 2');
    const shawan = editorPage.locator('tr.ant-table-row', { hasText: '沙湾镇' });
    await shawan.getByText('已阅').waitFor();
    await editorPage.getByRole('button', { name: '提醒未读单位' }).click();
    await see(editorPage, '已提醒 1 个未读单位');
    const shiji = editorPage.locator('tr.ant-table-row', { hasText: '石基镇' });
    await shiji.getByText('未阅').waitFor();
    expect(browsing.errors).toEqual([]);
  });
});

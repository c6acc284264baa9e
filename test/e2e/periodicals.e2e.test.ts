/** 刊物 in Chromium: the editor assembles an issue of 《番府信息上报》 from three items, the office leader approves, publishing records the adoptions and the scores page shows their points. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina, yearOf } from '../../src/domain/dates.js';
import { loginAs, type ApiClient } from '../helpers/test-app.js';
import {
  choose,
  isDialectAvailable,
  motionless,
  launchBrowser,
  screenshot,
  see,
  signIn,
  startSystem,
  type Browsing,
  type System,
} from './harness.js';
import { itemSender } from './send-item.js';

describe.skipIf(!isDialectAvailable)('periodicals in Chromium', () => {
  let system: System;
  let browsing: Browsing;
  let editor: { username: string; password: string };
  let leader: { username: string; password: string };
  let editorApi: ApiClient;
  const { transition, sendItem } = itemSender(() => system);
  const titles = ['沙湾镇推进古镇保护', '沙湾镇开展防汛演练', '沙湾镇举办龙舟赛'];
  const ids: number[] = [];

  beforeAll(async () => {
    system = await startSystem();
    browsing = await launchBrowser(system.url);
    editor = await system.account('editor');
    leader = await system.account('office_leader');
    editorApi = await loginAs(system.app, editor.username, editor.password);
    for (const title of titles) {
      const id = await sendItem('沙湾镇', { title, body: `${title}，成效明显。` });
      await transition(editorApi, id, 'receive');
      ids.push(id);
    }
  });
  afterAll(async () => {
    await browsing?.close();
    await system?.close();
  });

  it('assembles, approves and publishes an issue of 《番府信息上报》: three adoptions, 8 + 5 + 2 points', async () => {
    const year = yearOf(todayInChina());
    const page = await browsing.newPage();
    await signIn(page, editor);
    await page.goto('/editor/periodicals');
    await page.getByRole('tab', { name: '《番府信息上报》' }).click();
    await page.getByRole('button', { name: '新建一期' }).click();
    const dialog = page.getByRole('dialog');
    // The next number of the year is filled in.
    await page.waitForFunction(() => (document.querySelector('#number') as HTMLInputElement | null)?.value === '1');
    await dialog.getByRole('button', { name: '新建' }).click();
    await page.waitForURL('**/editor/periodicals/issues/*');
    await see(page, `${year}年第1期`);

    await page.getByRole('button', { name: '选择稿件' }).click();
    for (const title of titles) await page.getByRole('button', { name: `编入 ${title}（政务信息）` }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    for (const [k, kind] of ['综合调研类', '标题信息', '短波信息'].entries())
      await choose(page, `第${k + 1}篇信息类型`, kind);
    // The first item's edit shows beside the unit's original.
    await page.getByLabel('第1篇标题').fill('沙湾镇扎实推进古镇保护');
    await page.locator('ins', { hasText: '扎实' }).waitFor();
    await page.getByRole('button', { name: '第3篇上移' }).click();
    await screenshot(page, 'periodical-issue');
    await page.getByRole('button', { name: '送领导审批' }).click();
    await see(page, '已送办公室领导审批');
    await page.locator('.ant-tag', { hasText: '待领导审批' }).waitFor();
    const issueUrl = page.url();

    const leaderPage = await browsing.newPage();
    await signIn(leaderPage, leader);
    // The dashboard names the issue waiting for the leader.
    await see(leaderPage, `《番府信息上报》${year}年第1期待您审批`);
    await leaderPage.goto(issueUrl);
    await leaderPage.getByRole('button', { name: '审批通过' }).click();
    await leaderPage.locator('.ant-tag', { hasText: '已审批待发布' }).waitFor();

    await page.reload();
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '发布' }).click();
    await page.locator('.ant-tag', { hasText: '已发布' }).waitFor();

    const line = `${year}年第1期`;
    const recorded = await Promise.all(
      ids.map(async (id) => (await editorApi.get(`/api/items/${id}`)).json().adoptions as object[])
    );
    expect(recorded).toEqual([
      [expect.objectContaining({ outlet: 'report', kind: 'research', issue: line })],
      [expect.objectContaining({ outlet: 'report', kind: 'headline', issue: line })],
      [expect.objectContaining({ outlet: 'report', kind: 'brief', issue: line })],
    ]);

    await page.goto('/scores');
    const row = page.getByRole('tabpanel').getByRole('row').filter({ hasText: '沙湾镇' });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['沙湾镇', '15']));
    expect(browsing.errors).toEqual([]);
  });

  it('刊物设置: the editor adds a periodical recording adoptions in the portal; a name already used is refused on its field', async () => {
    const page = await browsing.newPage();
    await signIn(page, editor);
    await page.goto('/editor/periodicals');
    await page.getByRole('button', { name: '刊物设置' }).click();
    const settings = page.getByRole('dialog', { name: '刊物设置' });
    await settings.getByRole('cell', { name: '番府信息上报', exact: true }).waitFor();
    await motionless(page);
    await settings.getByRole('button', { name: '新增刊物' }).click();
    const form = page.getByRole('dialog', { name: '新增刊物' });
    await form.getByLabel('刊物名称').fill('番禺政务专报');
    await choose(page, '记入采用载体', '区政府门户网站政务公开栏目');
    // The issuer is the office's, filled in.
    expect(await form.getByLabel('编印单位').inputValue()).toBe('广州市番禺区人民政府办公室');
    await form.getByRole('button', { name: '新增' }).click();
    await see(page, '已新增刊物《番禺政务专报》');
    await settings.getByRole('cell', { name: '番禺政务专报', exact: true }).waitFor();
    // It has its own tab, where an issue can be started.
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '《番禺政务专报》' }).waitFor();

    await page.getByRole('button', { name: '刊物设置' }).click();
    await motionless(page);
    await page.getByRole('dialog', { name: '刊物设置' }).getByRole('button', { name: '新增刊物' }).click();
    const again = page.getByRole('dialog', { name: '新增刊物' });
    await again.getByLabel('刊物名称').fill('番府信息上报');
    await choose(page, '记入采用载体', '区政府门户网站政务公开栏目');
    browsing.expectRefusal(/^409 POST \/api\/periodicals$/);
    await again.getByRole('button', { name: '新增' }).click();
    await see(page, '已有名为《番府信息上报》的刊物，请换一个名称');
    expect(browsing.errors).toEqual([]);
  });
});

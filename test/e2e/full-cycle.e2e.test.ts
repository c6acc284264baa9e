/**
 * The whole cycle in the browser, every step by a person in their own window: the officer
 * drafts and submits, the reviewing leader approves, the editor receives, adopts into 《番府信息上报》
 * as 综合调研 and records a district instruction, and the scores page shows the unit's +13 with
 * the bookings behind it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Policy } from '../../src/domain/policy.js';
import { listPolicies } from '../../src/db/repositories/policy.repository.js';
import {
  launchBrowser,
  see,
  signIn,
  startSystem,
  type Browsing,
  type System,
  isDialectAvailable,
  choose,
} from './harness.js';

describe.skipIf(!isDialectAvailable)('the whole cycle in Chromium', () => {
  let system: System;
  let browsing: Browsing;
  let policy: Policy;
  beforeAll(async () => {
    system = await startSystem();
    browsing = await launchBrowser(system.url);
    policy = (await listPolicies(system.store.db)).at(-1)!;
  });
  afterAll(async () => {
    await browsing?.close();
    await system?.close();
  });

  it('officer → leader → editor (adoption 综合调研 + 区领导批示) → scores +13 with bookings', async () => {
    const title = '榄核镇多措并举推进农村集体经济发展';
    const marked = `${title}（政务信息）`;

    // 信息员 drafts and submits.
    const officer = await browsing.newPage();
    await signIn(officer, await system.account('officer', '榄核镇'));
    await officer.goto('/unit/items/new');
    await officer.getByLabel('标题').fill(title);
    await officer.getByLabel('正文').fill('榄核镇盘活集体土地资源，全年村集体收入同比增长百分之十二，带动农户增收。');
    await officer.getByLabel('报送人').fill('陈信息员');
    await officer.getByLabel('联系电话').fill('020-84971234');
    await choose(officer, '内容类别', '新思路新做法新经验');
    await officer.getByLabel('公开', { exact: true }).check();
    await officer.getByRole('button', { name: '保存并提交审核', exact: true }).click();
    await officer.waitForURL(/\/items\/\d+$/);
    const id = Number(/\/items\/(\d+)$/.exec(officer.url())![1]);
    await see(officer, '单位审核中');

    // 分管领导 approves from the review queue.
    const leader = await browsing.newPage();
    await signIn(leader, await system.account('reviewer', '榄核镇'));
    await leader.goto('/unit/review');
    await leader.locator('tr', { hasText: marked }).getByRole('button', { name: '审核通过' }).click();
    await leader.locator('.ant-popconfirm').getByRole('button', { name: '审核通过' }).click();
    await leader.getByText('没有待审核的稿件').waitFor();

    // 调研科 receives from the inbox and records the adoption and the instruction on the item page.
    const editor = await browsing.newPage();
    await signIn(editor, await system.account('editor'));
    await editor.goto('/editor/inbox?status=submitted');
    await editor.getByRole('link', { name: marked }).click();
    await editor.waitForURL(`**/items/${id}`);
    await editor.getByRole('button', { name: '接收', exact: true }).click();
    await see(editor, '已接收');
    await editor.getByRole('button', { name: '登记采用' }).click();
    await choose(editor, '采用载体', policy.outlets.report.name);
    await choose(editor, '信息类型', policy.kinds.research);
    await editor.getByLabel('期号').fill('第12期');
    await editor.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await editor.getByRole('dialog').waitFor({ state: 'detached' });
    await editor.locator('tr', { hasText: '第12期' }).getByText('+8 分').waitFor();
    await editor.getByRole('button', { name: '登记批示' }).click();
    await editor.getByLabel('批示领导').fill('区长');
    await editor.getByLabel('批示内容').fill('请农业农村局总结推广。');
    await editor.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await editor.getByRole('dialog').waitFor({ state: 'detached' });
    await editor.locator('tr', { hasText: '请农业农村局总结推广。' }).getByText('+5 分').waitFor();

    // 考核: the unit's row shows 13 this quarter, and its page the two bookings with the item.
    await editor.goto('/scores');
    const row = editor.getByRole('tabpanel').getByRole('row').filter({ hasText: '榄核镇' });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['榄核镇', '13']));
    await row.getByRole('link', { name: '榄核镇' }).click();
    await editor.waitForURL('**/scores/units/*');
    const bookings = editor.locator('.ant-card').filter({ hasText: '记分明细' }).getByRole('row');
    await bookings.filter({ hasText: '+8' }).filter({ hasText: marked }).waitFor();
    await bookings.filter({ hasText: '+5' }).filter({ hasText: marked }).waitFor();

    // The officer sees the same points on the unit's own progress page.
    await officer.goto('/unit/progress');
    await officer.locator('tr', { hasText: marked }).first().waitFor();
    expect(browsing.errors).toEqual([]);
  });
});

/** The reporting unit's pages in Chromium: drafting, review, signature, isolation, and the form at phone width. */
import type { Page } from 'playwright-core';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOfficialDocx } from '../../src/files/official-docx.js';
import { convertDocxToPdf, pdfAvailable } from '../../src/files/pdf-conversion.js';
import { addDays, todayInChina } from '../../src/domain/dates.js';
import { DRAFT } from '../factories/item.factory.js';
import { loginAs, type ApiClient } from '../helpers/test-app.js';
import {
  PHONE,
  launchBrowser,
  screenshot,
  see,
  settled,
  signIn,
  startSystem,
  type Browsing,
  type System,
  isDialectAvailable,
} from './harness.js';

/** A real PDF where LibreOffice can make one, else the smallest file that sniffs as PDF. */
async function convertOrMinimalPdf(): Promise<Buffer> {
  if (pdfAvailable())
    return convertDocxToPdf(
      await renderOfficialDocx({ title: '汛情报告', blocks: [{ kind: 'paragraph', text: '汛情平稳。' }] })
    );
  return Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
}

describe.skipIf(!isDialectAvailable)('the reporting unit in Chromium', () => {
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

  const api = async (
    role: 'officer' | 'reviewer' | 'principal',
    unit = '沙湾镇'
  ): Promise<{ account: { username: string; password: string }; client: ApiClient }> => {
    const account = await system.account(role, unit);
    return { account, client: await loginAs(system.app, account.username, account.password) };
  };

  /** Drafts an item through the API and sends it to the unit's review. */
  const seedInReview = async (client: ApiClient, draft: Record<string, unknown>): Promise<number> => {
    const created = await client.post('/api/items', { ...DRAFT, ...draft });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    expect((await client.transition(id, 'submit_for_review')).statusCode).toBe(200);
    return id;
  };

  const chooseCategory = async (page: Page, category: string) => {
    await page.getByLabel('内容类别').click();
    await page.locator('.ant-select-item-option', { hasText: category }).click();
  };

  it('an officer drafts and submits an item, the reviewer approves it, and its history shows the way it went', async () => {
    const officer = await system.account('officer', '沙湾镇');
    const reviewer = await system.account('reviewer', '沙湾镇');
    const page = await browsing.newPage();
    await signIn(page, officer);
    await page.goto('/unit/items');
    await page.getByRole('button', { name: '撰写一篇信息稿件' }).click();
    await page.waitForURL('**/unit/items/new');

    await page.getByLabel('标题').fill('沙湾镇全力做好防汛防风工作');
    await see(page, '沙湾镇全力做好防汛防风工作（政务信息）');
    // The counter counts as the server does, live; more than 450 characters warns but does not stop.
    await page.getByLabel('正文').fill('字'.repeat(460));
    await see(page, '460 字，超出一般 450 字要求 10 字');
    await see(page, /正文超过一般 450 字的要求，可以保存/);
    await page.getByLabel('正文').fill('沙湾镇多措并举做好防汛防风工作，排查隐患点 12 处，转移群众 300 余人。');
    await see(page, '35 / 450 字');
    await page.getByLabel('签发人').fill('李镇长');
    await page.getByLabel('联系电话').fill('12345');
    await see(page, /联系电话格式不正确/);
    await page.getByLabel('联系电话').fill('020-84731234');
    await chooseCategory(page, '本单位主要工作进展');
    await page.getByLabel('不予公开').check();
    await see(page, '不予公开的信息不能被区政府门户网站政务公开栏目采用，只能被内部刊物采用。');
    await page.getByLabel('公开', { exact: true }).check();
    await page.getByLabel('非本单位职能范围内的信息（须注明来源）').check();
    await page.getByRole('textbox', { name: '来源' }).fill('区水务局提供');
    await page.locator('input[type=file]').setInputFiles({
      name: '详细材料.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await see(page, '待上传');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'officer-item-form');

    await page.getByRole('button', { name: '保存草稿', exact: true }).click();
    await page.waitForURL(/\/unit\/items\/\d+\/edit$/);
    const id = Number(/\/unit\/items\/(\d+)\/edit/.exec(page.url())![1]);
    await page.getByRole('link', { name: /详细材料\.pdf/ }).waitFor();
    expect(await page.getByLabel('标题').inputValue()).toBe('沙湾镇全力做好防汛防风工作（政务信息）');
    await page.getByRole('button', { name: '保存并提交审核', exact: true }).click();
    await page.waitForURL(`**/items/${id}`);
    await see(page, '单位审核中');

    const leader = await browsing.newPage();
    await signIn(leader, reviewer);
    // The reviewer's dashboard names the item waiting for them.
    await see(leader, '“沙湾镇全力做好防汛防风工作（政务信息）”待您审核');
    await leader.goto('/unit/review');
    const row = leader.getByRole('row').filter({ hasText: '沙湾镇全力做好防汛防风工作（政务信息）' });
    await row.getByRole('button', { name: '审核通过' }).click();
    await leader.locator('.ant-popconfirm').getByRole('button', { name: '审核通过' }).click();
    await see(leader, /审核通过，现为“已报送区政府办公室”/);
    await leader.getByText('没有待审核的稿件').waitFor();

    await page.reload();
    await see(page, '已报送区政府办公室');
    for (const step of ['起草稿件', '上传附件', '提交单位审核', '审核通过'])
      await page.locator('.ant-timeline').getByText(step, { exact: true }).waitFor();
    await page.getByRole('link', { name: /详细材料\.pdf/ }).waitFor();
    expect(await page.getByRole('button', { name: '修改稿件' }).count()).toBe(0);
    await screenshot(page, 'item-history');

    await page.goto('/unit/items?status=submitted');
    await page.getByRole('link', { name: '沙湾镇全力做好防汛防风工作（政务信息）' }).waitFor();
    expect(browsing.errors).toEqual([]);
  });

  it('a major item waits for the principal, who signs only after the paper copy is recorded', async () => {
    const { client } = await api('officer');
    const id = await seedInReview(client, { title: '沙湾镇发生一起重大险情', isMajor: true });
    const reviewer = await system.account('reviewer', '沙湾镇');
    const principal = await system.account('principal', '沙湾镇');

    const page = await browsing.newPage();
    await signIn(page, reviewer);
    await page.goto(`/items/${id}`);
    await see(page, '本稿为重大或敏感信息，审核通过后交主要领导签发。');
    await page.getByRole('button', { name: '审核通过' }).click();
    await see(page, '待主要领导签发');

    const boss = await browsing.newPage();
    await signIn(boss, principal);
    await see(boss, '“沙湾镇发生一起重大险情（政务信息）”待您签发');
    await boss.goto('/unit/review');
    await boss
      .getByRole('row')
      .filter({ hasText: '沙湾镇发生一起重大险情' })
      .getByRole('button', { name: '去签发' })
      .click();
    await boss.waitForURL(`**/items/${id}`);
    const sign = boss.getByRole('button', { name: '主要领导签发' });
    await sign.waitFor();
    expect(await sign.isDisabled()).toBe(true);
    await see(boss, '重大或敏感信息须先登记书面稿件，才能签发报送');
    await boss.getByRole('button', { name: '登记书面稿件' }).click();
    await see(boss, '书面稿件已登记');
    await boss.locator('.ant-timeline').getByText('登记书面稿件', { exact: true }).waitFor();
    expect(await sign.isDisabled()).toBe(false);
    await sign.click();
    await see(boss, '已报送区政府办公室');
    expect((await client.get(`/api/items/${id}`)).json().status).toBe('submitted');
    expect(browsing.errors).toEqual([]);
  });

  it('a user of another unit opening an item by its address sees that it does not exist, and none of its text', async () => {
    const { client } = await api('officer');
    const id = await seedInReview(client, { title: '沙湾镇内部工作安排', body: '这段正文只有沙湾镇能看到。' });
    const stranger = await system.account('officer', '大石街');
    const page = await browsing.newPage();
    await signIn(page, stranger);
    // The server answers 404 for another unit's item: the refusal this test provokes.
    browsing.expectRefusal(new RegExp(`^404 GET /api/items/${id}$`));
    await page.goto(`/items/${id}`);
    await see(page, '稿件不存在或您无权查看');
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('沙湾镇内部工作安排');
    expect(text).not.toContain('这段正文只有沙湾镇能看到');
    // The edit page refuses it the same way.
    await page.goto(`/unit/items/${id}/edit`);
    await see(page, '稿件不存在或您无权查看');
    expect(await page.locator('body').innerText()).not.toContain('沙湾镇内部工作安排');
    expect(browsing.errors).toEqual([]);
  });

  it('at phone width the officer fills and saves the new-item form without horizontal scrolling', async () => {
    const officer = await system.account('officer', '沙湾镇');
    const page = await browsing.newPage(PHONE);
    await signIn(page, officer);
    await page.goto('/unit/items/new');
    await page.getByLabel('标题').fill('沙湾镇开展垃圾分类宣传');
    await page.getByLabel('正文').fill('沙湾镇组织志愿者入户宣传垃圾分类知识，覆盖 5000 余户。');
    await page.getByLabel('联系电话').fill('13800138000');
    await chooseCategory(page, '新思路新做法新经验');
    await page.getByLabel('重大问题或敏感类信息').check();
    await see(page, '重大问题和敏感类信息的报送步骤');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'officer-form-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByRole('button', { name: '保存草稿', exact: true }).click();
    await see(page, '草稿已保存');
    await page.waitForURL(/\/unit\/items\/\d+\/edit$/);
    await page.getByLabel('标题').waitFor();
    expect(await page.getByLabel('重大问题或敏感类信息').isChecked()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The item's page and the list fit the phone as well.
    const id = Number(/\/unit\/items\/(\d+)\/edit/.exec(page.url())![1]);
    await page.goto(`/items/${id}`);
    await see(page, '处理记录');
    await page.getByRole('button', { name: '登记书面稿件' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.goto('/unit/items?status=draft');
    await page.getByRole('link', { name: '沙湾镇开展垃圾分类宣传（政务信息）' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(browsing.errors).toEqual([]);
  });

  it("an officer answers a solicitation before its deadline and sees the unit's points against the target, with every booking", async () => {
    const { client: officerApi, account: officer } = await api('officer');
    const { client: reviewerApi } = await api('reviewer');
    const editorAccount = await system.account('editor');
    const editor = await loginAs(system.app, editorAccount.username, editorAccount.password);
    const today = todayInChina();
    const shawan = (await editor.get('/api/units')).json().find((u: { name: string }) => u.name === '沙湾镇').id;
    expect(
      (
        await editor.post('/api/solicitations', {
          issuer: 'district',
          title: '关于报送防汛工作经验的约稿',
          requirements: '请于截止日前报送一篇综合性信息。',
          deadline: addDays(today, 2),
          unitIds: [shawan],
        })
      ).statusCode
    ).toBe(201);

    const id = await seedInReview(officerApi, { title: '沙湾镇防汛工作经验' });
    expect((await reviewerApi.transition(id, 'approve')).statusCode).toBe(200);
    expect((await editor.transition(id, 'receive')).statusCode).toBe(200);
    expect(
      (await editor.post(`/api/items/${id}/adoptions`, { outlet: 'report', kind: 'research', date: today })).statusCode
    ).toBe(201);

    const page = await browsing.newPage();
    await signIn(page, officer);
    await page.goto('/unit/solicitations');
    await see(page, '关于报送防汛工作经验的约稿');
    const clock = page.getByText(/还剩 2 天 \d+ 小时/);
    await clock.waitFor();
    // Three days or less: shown in red.
    expect(await clock.evaluate((el) => el.closest('.ant-typography-danger') !== null)).toBe(true);
    await page.getByRole('button', { name: '用本单位稿件回复' }).click();
    await page.getByLabel('本单位稿件').click();
    await page.locator('.ant-select-item-option', { hasText: '沙湾镇防汛工作经验' }).click();
    await page.getByRole('button', { name: '回复', exact: true }).click();
    await see(page, '已回复约稿');
    await page.getByRole('link', { name: '沙湾镇防汛工作经验（政务信息）' }).waitFor();
    await see(page, '已按时报送');
    await screenshot(page, 'unit-solicitations');

    await page.goto('/unit/progress');
    await see(page, '还差 8 分');
    await see(page, '还差 62 分');
    await page.getByRole('row').filter({ hasText: '按时完成约稿任务并被采用' }).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: '综合调研' })
      .getByRole('link', { name: '沙湾镇防汛工作经验（政务信息）' })
      .click();
    await page.waitForURL(`**/items/${id}`);
    await see(page, '本稿件累计得分');
    await page.goBack();
    await see(page, '得分明细');
    await screenshot(page, 'unit-progress');
    expect(browsing.errors).toEqual([]);
  });
  it('an officer reads a Word attachment on the item page and opens a PDF in place', async () => {
    const { account, client } = await api('officer');
    const { id } = (await client.post('/api/items', { ...DRAFT, title: '沙湾镇防汛附件稿' })).json();
    const upload = async (name: string, content: Buffer) => {
      const boundary = '----govinfo';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const created = await client.request('POST', `/api/items/${id}/attachments`, payload, {
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      expect(created.statusCode).toBe(201);
    };
    const word = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('沙湾镇防汛工作详细材料')] }),
              new Paragraph('全镇出动巡查人员 320 人次。<script>alert(1)</script>'),
            ],
          },
        ],
      })
    );
    await upload('详细材料.docx', word);
    await upload('汛情报告.pdf', await convertOrMinimalPdf());

    const page = await browsing.newPage();
    await signIn(page, account);
    await page.goto(`/items/${id}`);
    await page.getByRole('listitem').filter({ hasText: '详细材料.docx' }).getByRole('button', { name: '预览' }).click();
    const frame = page.frameLocator('iframe[title="详细材料.docx（Word 预览）"]');
    await frame.getByRole('heading', { name: '沙湾镇防汛工作详细材料' }).waitFor();
    await frame.getByText('全镇出动巡查人员 320 人次。<script>alert(1)</script>').waitFor();
    expect(await page.locator('iframe[title="详细材料.docx（Word 预览）"]').getAttribute('sandbox')).toBe('');
    await screenshot(page, 'item-word-preview');
    await page.keyboard.press('Escape');

    await page.getByRole('listitem').filter({ hasText: '汛情报告.pdf' }).getByRole('button', { name: '预览' }).click();
    const pdfFrame = page.locator('iframe[title="汛情报告.pdf（PDF 预览）"]');
    await pdfFrame.waitFor();
    expect(await pdfFrame.getAttribute('src')).toMatch(/\/attachments\/\d+\?disposition=inline$/);
    await settled(page, 500);
    expect(browsing.errors).toEqual([]);
  });
});

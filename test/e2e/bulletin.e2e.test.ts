/** The quarterly bulletin in Chromium: the editor writes its texts and prepares it, the leader approves, a unit downloads it. */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterOf, todayInChina, yearOf } from '../../src/domain/dates.js';
import { isZipRefusal, openZipEntry, readZipDirectory } from '../../src/files/zip-archive.js';
import { importLedger } from '../../src/services/import-ledger.js';
import {
  choose,
  isDialectAvailable,
  launchBrowser,
  screenshot,
  see,
  signIn,
  startSystem,
  type Browsing,
  type System,
} from './harness.js';

const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];

async function documentText(file: string): Promise<string> {
  const bytes = fs.readFileSync(file);
  const entries = readZipDirectory(bytes, 1000);
  if (isZipRefusal(entries)) throw new Error(entries.problem);
  const chunks: Buffer[] = [];
  for await (const chunk of openZipEntry(
    bytes,
    entries.find((e) => e.name === 'word/document.xml')!
  )!)
    chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/<[^>]+>/g, '');
}

describe.skipIf(!isDialectAvailable)('the quarterly bulletin in Chromium', () => {
  let system: System;
  let browsing: Browsing;
  const today = todayInChina();
  const year = yearOf(today);
  const quarter = quarterOf(today);

  beforeAll(async () => {
    system = await startSystem();
    browsing = await launchBrowser(system.url);
    const records = [
      { type: 'item', id: 'B-1', unit: '沙湾镇', title: '沙湾镇推进古镇保护（政务信息）', submitted: today },
      { type: 'adoption', id: 'B-A1', item: 'B-1', outlet: 'dynamic', date: today },
    ];
    expect(
      await importLedger(
        system.store.db,
        records.map((fields, i) => ({ fields, file: 'e2e', line: i + 1 }))
      )
    ).toMatchObject({ ok: true });
  }, 120_000);
  afterAll(async () => {
    await browsing?.close();
    await system?.close();
  });

  it('the editor writes the texts and prepares, the leader approves, a unit officer downloads the bulletin', async () => {
    const editor = await browsing.newPage();
    await signIn(editor, await system.account('editor'));
    await editor.goto('/results');
    await choose(editor, '考核年度', `${year} 年`);
    await choose(editor, '季度', QUARTERS[quarter - 1]);
    await editor.getByRole('button', { name: '编制考核结果' }).click();
    await see(editor, '工作通讯（草稿预览）');
    await editor.getByLabel('表前文字').fill('现将本季度全区政府系统政务信息工作情况通报如下。');
    await editor.getByRole('button', { name: '保存文字' }).click();
    await see(editor, '工作通讯文字已保存');

    const leader = await browsing.newPage();
    await signIn(leader, await system.account('office_leader'));
    await leader.goto('/results');
    await leader.getByRole('button', { name: '审批并发布' }).click();
    await leader.getByRole('button', { name: '发布', exact: true }).click();
    await see(leader, /考核结果已发布，各单位可以查看/);

    const officer = await browsing.newPage();
    await signIn(officer, await system.account('officer', '沙湾镇'));
    await officer.goto('/results');
    await see(officer, '工作通讯（发布原件）');
    await see(officer, '考核历史（已发布的工作通讯）');
    // The bulletin's name is the server's (the 刊物 seed), in the archive and the card's title.
    await see(officer, '《番府信息》(工作通讯)（');
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      officer
        .getByRole('button', { name: `下载${year} 年第${'一二三四'[quarter - 1]}季度工作通讯（Word）` })
        .first()
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${year}年第${quarter}季度工作通讯.docx`);
    const file = await download.path();
    const text = await documentText(file);
    expect(text).toContain('现将本季度全区政府系统政务信息工作情况通报如下。');
    expect(text).toContain('沙湾镇推进古镇保护（政务信息）');
    await screenshot(officer, 'bulletin');

    // In a fourth quarter every unit without points has missed four running: the bulletin advises
    // replacing their officers, and the registry page shows it until a new officer is registered.
    if (quarter === 4) {
      await officer.goto('/admin/registry');
      await see(officer, /建议更换信息员/);
      await screenshot(officer, 'registry-follow-up');
    }
    expect(browsing.errors).toEqual([]);
  }, 180_000);
});

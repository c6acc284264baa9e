import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/services/open-store.js';
import { findItem } from '../../src/db/repositories/item.repository.js';
import { govinfo, writeJsonl } from '../helpers/cli.js';
import { buildEml, docxWith, DOCX_TYPE } from '../helpers/eml-builder.js';
import { createTestDatabase, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';

const OFFICER = 'chen@shawan.example.gov.cn';

describe.skipIf(!isDialectAvailable)('govinfo intake FILE.eml … [--json]', () => {
  let database: TestDatabase;
  const write = (name: string, data: Buffer) => {
    const file = path.join(database.dir, name);
    fs.writeFileSync(file, data);
    return file;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const roster = writeJsonl(database.dir, 'roster.jsonl', [
      {
        type: 'contact',
        id: 'C-1',
        unit: '沙湾镇',
        duty: 'officer',
        name: '陈信息',
        post: '科员',
        phone: '13800138000',
        email: 'Chen@ShaWan.example.gov.cn',
        staffing: 'civil_servant',
        from: '2010-03-01',
      },
    ]);
    const imported = await govinfo(database.location, 'import', roster);
    expect(imported.status, imported.stderr).toBe(0);
  });
  afterAll(async () => database?.drop());

  it('prints accepted and quarantined messages in the spec shape and exits 0', async () => {
    const good = write(
      'good.eml',
      buildEml({
        from: OFFICER,
        subject: '沙湾镇推进古镇保护(政务信息)',
        charset: 'GB18030',
        text: '会议部署巡查工作。\n签发人：王镇长\n报送人：陈信息\n公开属性：公开\n联系电话：13800138000\n日期：2010-04-07',
        attachments: [{ name: '详细材料.docx', data: docxWith('材料'), contentType: DOCX_TYPE }],
      })
    );
    const stranger = write('stranger.eml', buildEml({ from: 'who@example.com', subject: '稿件', text: '正文' }));
    const result = await govinfo(database.location, 'intake', good, stranger, '--json');
    expect(result.status, result.stderr).toBe(0);
    const answer = JSON.parse(result.stdout) as {
      accepted: { file: string; item: number; unit: string; title: string }[];
      quarantined: { file: string; reason: string }[];
    };
    expect(answer).toEqual({
      accepted: [{ file: good, item: expect.any(Number), unit: '沙湾镇', title: '沙湾镇推进古镇保护（政务信息）' }],
      quarantined: [{ file: stranger, reason: expect.stringContaining('who@example.com') }],
    });
    const store = await openStore(database.location);
    try {
      const item = await findItem(store.db, answer.accepted[0].item);
      expect(item).toMatchObject({ status: 'received', origin: 'mail', signer: '王镇长', is_public: 1 });
    } finally {
      await store.close();
    }

    const again = await govinfo(database.location, 'intake', good, '--json');
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      accepted: [],
      quarantined: [{ file: good, reason: expect.stringMatching(/^重复邮件/) }],
    });
  });

  it('prints a Chinese summary without --json', async () => {
    const file = write('plain.eml', buildEml({ from: OFFICER, subject: '汛期巡查', text: '正文' }));
    const result = await govinfo(database.location, 'intake', file);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('导入完成：共 1 封邮件，导入 1 篇稿件');
    expect(result.stdout).toContain('（沙湾镇）汛期巡查（政务信息）');
  });

  it('exits 1 on a usage error and takes nothing in', async () => {
    const file = write('unused.eml', buildEml({ from: OFFICER, subject: '不应导入', text: '正文' }));
    const missing = await govinfo(database.location, 'intake', file, path.join(database.dir, 'missing.eml'), '--json');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('无法读取邮件文件');
    expect(missing.stdout).toBe('');
    const none = await govinfo(database.location, 'intake', '--json');
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('请指定要导入的 .eml 邮件文件');
    const after = await govinfo(database.location, 'intake', file, '--json');
    expect(JSON.parse(after.stdout).accepted).toHaveLength(1);
  });
});

import { expect } from 'vitest';
import { ALL_ROLES, isUnitRole, type Role } from '../../../src/shared/roles.js';
import { DRAFT } from '../../factories/item.factory.js';
import { buildUser } from '../../factories/user.factory.js';
import { loginAs, signInNewUser, type ApiClient, type TestApp } from '../test-app.js';

/** The unit the signed-in unit roles belong to, and the other unit whose records they must not reach. */
export const HOME_UNIT = '沙湾镇';
export const OTHER_UNIT = '石基镇';

export interface SeededWorld {
  /** One signed-in client per role; unit roles in the home unit. */
  clients: Map<Role, ApiClient>;
  /** The accounts behind those clients: account routes must not disable or reset them mid-run. */
  principalAccountIds: number[];
  /** Accounts that exist to be edited, disabled and reset by the account routes. */
  victimAccountIds: number[];
  /** The largest id of any record seeded, so path ids span every table's records. */
  maxRecordId: number;
}

const expectOk = async (response: Promise<{ statusCode: number; body: string }>) => {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBeLessThan(300);
  return answer;
};

/** An item drafted by `officer`, optionally sent to the district by its reviewer, with an attachment. */
async function itemOf(officer: ApiClient, reviewer: ApiClient, isSent: boolean): Promise<number> {
  const { id } = JSON.parse((await expectOk(officer.post('/api/items', DRAFT))).body) as { id: number };
  const form = Buffer.from(
    '--b\r\nContent-Disposition: form-data; name="file"; filename="说明.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--b--\r\n'
  );
  await expectOk(
    officer.request('POST', `/api/items/${id}/attachments`, form, {
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    })
  );
  if (isSent) {
    await expectOk(officer.transition(id, 'submit_for_review'));
    await expectOk(reviewer.transition(id, 'approve'));
  }
  return id;
}

/**
 * Signs in every role and stores records in two units through the API, as people would:
 * drafts and sent items with attachments, an adoption, a solicitation, a penalty, a training,
 * a quarter's result, notices and contacts — so generated path ids land on real records of both units.
 */
export async function seedWorld(t: TestApp): Promise<SeededWorld> {
  const clients = new Map<Role, ApiClient>();
  const principalAccountIds: number[] = [];
  for (const role of ALL_ROLES) {
    const user = await buildUser(t.store.db, role, isUnitRole(role) ? HOME_UNIT : null);
    principalAccountIds.push(user.id);
    clients.set(role, await loginAs(t.app, user.username, user.password));
  }
  const editor = clients.get('editor')!;
  const otherOfficer = await signInNewUser(t, 'officer', OTHER_UNIT);
  const otherReviewer = await signInNewUser(t, 'reviewer', OTHER_UNIT);
  const victimAccountIds = [
    (await buildUser(t.store.db, 'officer', HOME_UNIT)).id,
    (await buildUser(t.store.db, 'editor')).id,
    (await buildUser(t.store.db, 'office_leader')).id,
  ];

  const units = (await editor.get('/api/units')).json() as { id: number; name: string }[];
  const otherUnitId = units.find((u) => u.name === OTHER_UNIT)!.id;
  const homeUnitId = units.find((u) => u.name === HOME_UNIT)!.id;

  const ids: number[] = [...victimAccountIds, ...units.map((u) => u.id)];
  for (const [officer, reviewer] of [
    [clients.get('officer')!, clients.get('reviewer')!],
    [otherOfficer, otherReviewer],
  ] as const) {
    ids.push(await itemOf(officer, reviewer, false));
    const sent = await itemOf(officer, reviewer, true);
    ids.push(sent);
    const { version } = (await editor.get(`/api/items/${sent}`)).json();
    await expectOk(
      editor.post(`/api/items/${sent}/accept`, { version, adoptions: [{ outlet: 'dynamic', date: '2026-03-18' }] })
    );
  }
  const solicitation = await expectOk(
    editor.post('/api/solicitations', {
      issuer: 'district',
      title: '关于报送防汛工作情况的约稿',
      deadline: '2026-03-25',
      unitIds: [homeUnitId, otherUnitId],
    })
  );
  ids.push(JSON.parse(solicitation.body).id);
  // 信息工作通知: one posted to each unit and a draft, so notice ids reach both units' and the editor's.
  for (const unitIds of [[homeUnitId], [otherUnitId], [homeUnitId, otherUnitId]]) {
    const notice = await expectOk(
      editor.post('/api/notices', {
        title: '关于召开信息工作会议的通知',
        body: '会议安排',
        kind: 'meeting',
        audience: 'units',
        unitIds,
      })
    );
    const noticeId = (JSON.parse(notice.body) as { id: number }).id;
    ids.push(noticeId);
    if (unitIds.length === 1) await expectOk(editor.post(`/api/notices/${noticeId}/publish`));
  }
  await expectOk(editor.post('/api/penalties', { unitId: otherUnitId, reason: 'criticism', date: '2026-03-10' }));
  await expectOk(
    editor.post('/api/trainings', {
      date: '2026-03-01',
      title: '信息写作培训',
      attendees: [{ unitId: otherUnitId, name: '李四' }],
    })
  );
  await expectOk(editor.post('/api/results', { year: 2026, quarter: 1 }));
  await expectOk(
    editor.post(`/api/units/${otherUnitId}/contacts`, {
      duty: 'officer',
      name: '王五',
      post: '办公室主任',
      mobile: '13800000000',
      staffing: 'civil_servant',
      startedOn: '2026-01-01',
    })
  );
  return { clients, principalAccountIds, victimAccountIds, maxRecordId: Math.max(...ids) + 3 };
}

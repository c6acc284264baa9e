import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROLES, type Role } from '../../src/shared/roles.js';
import { buildUser } from '../factories/user.factory.js';
import { createTestApp, loginAs, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

const ITEM: Role[] = ['officer', 'reviewer', 'principal', 'editor', 'office_leader'];
const EVERYONE: Role[] = [...ALL_ROLES];
/** The units and rules: everyone but the audit administrator, who reads the audit log and nothing else. */
const REFERENCE: Role[] = ALL_ROLES.filter((role) => role !== 'audit_admin');

/**
 * Every route and the roles that may call it: the least-privilege table of the issue, written
 * out independently of the routes' own declarations. Anyone else gets 403; no session gets 401.
 */
const MATRIX: [method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, allowed: Role[]][] = [
  ['GET', '/api/auth/me', EVERYONE],
  ['POST', '/api/auth/password', EVERYONE],
  ['POST', '/api/auth/totp/setup', EVERYONE],
  ['GET', '/api/accounts', ['sys_admin', 'security_admin']],
  ['POST', '/api/accounts', ['sys_admin']],
  ['PATCH', '/api/accounts/1', ['sys_admin']],
  ['PUT', '/api/accounts/1/role', ['security_admin']],
  ['POST', '/api/accounts/1/password-reset', ['sys_admin']],
  ['GET', '/api/security-settings', ['security_admin']],
  ['PUT', '/api/security-settings', ['security_admin']],
  ['GET', '/api/audit', ['audit_admin']],
  ['GET', '/api/audit/export', ['audit_admin']],
  ['GET', '/api/audit/export.xlsx', ['audit_admin']],
  ['GET', '/api/items/export', ITEM],
  ['GET', '/api/scores/export?year=2026', ITEM],
  ['GET', '/api/scores/explain/export?year=2026&unit=%E6%B2%99%E6%B9%BE%E9%95%87', ITEM],
  ['GET', '/api/solicitations/export', ITEM],
  ['GET', '/api/penalties/export', ITEM],
  ['GET', '/api/registry/export', ITEM],
  ['GET', '/api/trainings/export', ITEM],
  ['GET', '/api/audit/verify', ['audit_admin']],
  ['GET', '/api/items', ITEM],
  ['POST', '/api/items', ['officer']],
  ['GET', '/api/items/1', ITEM],
  ['PUT', '/api/items/1', ['officer']],
  ['POST', '/api/items/1/transitions', ITEM],
  ['POST', '/api/items/1/paper-copy', ['officer', 'principal']],
  ['POST', '/api/items/1/attachments', ['officer']],
  ['GET', '/api/items/1/attachments/1', ITEM],
  ['GET', '/api/items/1/attachments/1/preview', ITEM],
  ['DELETE', '/api/items/1/attachments/1', ['officer']],
  ['POST', '/api/items/1/adoptions', ['editor']],
  ['POST', '/api/items/1/accept', ['editor']],
  ['POST', '/api/items/bulk-adoptions', ['editor']],
  ['PUT', '/api/items/1/adoptions/1', ['editor']],
  ['DELETE', '/api/items/1/adoptions/1', ['editor']],
  ['POST', '/api/items/1/instructions', ['editor']],
  ['POST', '/api/items/1/upwards', ['editor']],
  ['GET', '/api/items/similar?ids=1,2', ['editor', 'office_leader']],
  ['GET', '/api/items/1/similar', ['editor', 'office_leader']],
  ['GET', '/api/scores?year=2026', ITEM],
  ['GET', '/api/scores/explain?year=2026&unit=%E6%B2%99%E6%B9%BE%E9%95%87', ITEM],
  ['GET', '/api/scores/by-rule?year=2026', ['editor', 'office_leader']],
  ['GET', '/api/results', ITEM],
  ['POST', '/api/results', ['editor']],
  ['POST', '/api/results/1/approve', ['office_leader']],
  ['POST', '/api/results/1/return', ['office_leader']],
  ['GET', '/api/periodicals', ['editor', 'office_leader']],
  ['POST', '/api/periodicals', ['editor']],
  ['PUT', '/api/periodicals/1', ['editor']],
  ['GET', '/api/periodicals/1/next-number?year=2026', ['editor', 'office_leader']],
  ['GET', '/api/periodicals/candidates', ['editor', 'office_leader']],
  ['GET', '/api/periodicals/issues', ['editor', 'office_leader']],
  ['POST', '/api/periodicals/issues', ['editor']],
  ['GET', '/api/periodicals/issues/1', ['editor', 'office_leader']],
  ['PUT', '/api/periodicals/issues/1', ['editor']],
  ['POST', '/api/periodicals/issues/1/submit', ['editor']],
  ['POST', '/api/periodicals/issues/1/approve', ['office_leader']],
  ['POST', '/api/periodicals/issues/1/return', ['office_leader']],
  ['POST', '/api/periodicals/issues/1/publish', ['editor']],
  ['POST', '/api/periodicals/issues/1/withdraw', ['editor']],
  ['GET', '/api/periodicals/issues/1/document?format=docx', ['editor', 'office_leader']],
  ['GET', '/api/results/1/document?format=xlsx', ITEM],
  ['PUT', '/api/results/1/texts', ['editor']],
  ['GET', '/api/solicitations', ITEM],
  ['POST', '/api/solicitations', ['editor']],
  ['POST', '/api/solicitations/1/responses', ['officer']],
  ['GET', '/api/penalties', ITEM],
  ['POST', '/api/penalties', ['editor']],
  ['DELETE', '/api/penalties/1', ['editor']],
  ['GET', '/api/notices', ITEM],
  ['POST', '/api/notices', ['editor']],
  ['GET', '/api/notices/1', ITEM],
  ['POST', '/api/notices/1/publish', ['editor']],
  ['POST', '/api/notices/1/reads', ['officer', 'reviewer', 'principal']],
  ['POST', '/api/notices/1/reminders', ['editor']],
  ['POST', '/api/notices/1/attachments', ['editor']],
  ['GET', '/api/notices/1/attachments/1', ITEM],
  ['GET', '/api/units', REFERENCE],
  ['POST', '/api/units', ['sys_admin']],
  ['GET', '/api/series', REFERENCE],
  ['GET', '/api/policies', REFERENCE],
  ['POST', '/api/policies', ['sys_admin']],
  ['GET', '/api/registry', ITEM],
  ['GET', '/api/registry/missing-officers', ['editor', 'office_leader']],
  ['GET', '/api/units/mine/reviewers', ['officer', 'reviewer', 'principal']],
  ['GET', '/api/units/without-reviewer', ['sys_admin', 'editor']],
  ['POST', '/api/units/1/contacts', ['editor', 'officer']],
  ['POST', '/api/contacts/1/end', ['editor', 'officer']],
  ['PUT', '/api/contacts/1/mail-opt-outs', ['editor', 'officer']],
  ['POST', '/api/follow-ups/1/close', ['editor']],
  ['GET', '/api/trainings', ITEM],
  ['POST', '/api/trainings', ['editor']],
  ['POST', '/api/imports', ['editor']],
  ['GET', '/api/imports/template', ['editor']],
  ['GET', '/api/summaries?year=2026&half=1', ['editor', 'office_leader']],
  ['PUT', '/api/summaries', ['editor']],
  ['POST', '/api/summaries/1/submit', ['editor']],
  ['POST', '/api/summaries/1/approve', ['office_leader']],
  ['POST', '/api/summaries/1/return', ['office_leader']],
  ['GET', '/api/summaries/document?year=2026&half=1&format=xlsx', ['editor', 'office_leader']],
  ['POST', '/api/mail/intake', ['editor']],
  ['GET', '/api/mail/quarantine', ['editor']],
  ['POST', '/api/mail/quarantine/1/import', ['editor']],
  ['POST', '/api/mail/quarantine/1/reject', ['editor']],
  ['GET', '/api/mail/mailbox-status', ['editor', 'sys_admin']],
  ['POST', '/api/mail/poll', ['editor']],
  ['GET', '/api/admin/outbox', ['sys_admin']],
  ['POST', '/api/admin/outbox/1/retry', ['sys_admin']],
];

describe.skipIf(!isDialectAvailable)('API: every route × every role', () => {
  let t: TestApp;
  const clients = new Map<Role, ApiClient>();

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ALL_ROLES) {
      const unit = ['officer', 'reviewer', 'principal'].includes(role) ? '沙湾镇' : null;
      const user = await buildUser(t.store.db, role, unit);
      clients.set(role, await loginAs(t.app, user.username, user.password));
    }
  });
  afterAll(async () => t?.cleanup());

  it('covers every route the API declares', async () => {
    const openapi = (await t.app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const declared = Object.entries(openapi.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)
    );
    const covered = new Set(
      MATRIX.map(
        ([method, url]) =>
          `${method} ${url.split('?')[0].replace(/\/\d+(?=\/|$)/g, (_, offset, whole) => (whole.slice(0, offset).endsWith('attachments') || whole.slice(0, offset).endsWith('adoptions') ? '/{childId}' : '/{id}'))}`
      )
    );
    const publicRoutes = [
      'GET /api/ping',
      'GET /api/health',
      'GET /api/auth/session',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'POST /api/auth/totp/confirm',
    ];
    expect(declared.filter((route) => !covered.has(route) && !publicRoutes.includes(route))).toEqual([]);
  });

  it.each(MATRIX)('%s %s', async (method, url, allowed) => {
    const anonymous = await t.app.inject({ method, url, payload: method === 'GET' ? undefined : {} });
    expect(anonymous.statusCode, 'without a session').toBe(401);
    for (const role of ALL_ROLES) {
      const response = await clients.get(role)!.request(method, url, method === 'GET' ? undefined : {});
      if (allowed.includes(role)) expect([401, 403], `${role} is allowed`).not.toContain(response.statusCode);
      else expect(response.statusCode, `${role} is refused`).toBe(403);
    }
  });
});

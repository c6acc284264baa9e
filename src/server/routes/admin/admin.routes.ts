import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import type { AuditFilter } from '../../../db/repositories/audit.repository.js';
import { listPolicies } from '../../../db/repositories/policy.repository.js';
import { listSeries, listUnits } from '../../../db/repositories/unit.repository.js';
import { todayInChina } from '../../../domain/dates.js';
import { parsePolicy, policyInForce } from '../../../domain/policy.js';
import { addPolicy, PolicyConflictError } from '../../../services/add-policy.js';
import { appendAudit } from '../../../services/audit/append-audit.js';
import { auditCsv, readAudit } from '../../../services/audit/read-audit.js';
import { verifyAudit } from '../../../services/audit/verify-audit.js';
import { actingUser } from '../../../services/items/item-access.js';
import { addContact, endContact, listTrainings, readRegistry, recordTraining } from '../../../services/registry/registry.js';
import { ServiceError } from '../../../services/service-error.js';
import { ALL_ROLES } from '../../../shared/roles.js';
import type { ServerConfig } from '../../config.js';
import { actorOf, authOf, rateLimit } from '../../plugins/access.js';
import { ITEM_ROLES } from '../items/items.routes.js';
import { pinyinInitials } from '../../../domain/unit-initials.js';

const DateField = (title: string) => Type.String({ title, pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const IdParams = Type.Object({ id: Type.Integer({ title: '编号', minimum: 1 }) });
const PhoneField = (title: string) => Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()], { title }));

const ContactBody = Type.Object({
  duty: Type.Union([Type.Literal('leader'), Type.Literal('director'), Type.Literal('officer')], { title: '职责' }),
  name: Type.String({ title: '姓名', minLength: 1, maxLength: 50 }),
  post: Type.String({ title: '职务', minLength: 1, maxLength: 100 }),
  officePhone: PhoneField('办公电话'),
  mobile: PhoneField('手机'),
  staffing: Type.Union([Type.Literal('civil_servant'), Type.Literal('permanent'), Type.Literal('other')], { title: '编制类别' }),
  noticeDate: Type.Optional(Type.Union([DateField('书面告知日期'), Type.Null()], { title: '书面告知日期' })),
  startedOn: DateField('任职日期'),
}, { additionalProperties: false });

const EndContactBody = Type.Object({
  version: Type.Integer({ title: '版本号', minimum: 1 }),
  endedOn: DateField('离任日期'),
  noticeDate: Type.Optional(Type.Union([DateField('书面告知日期'), Type.Null()], { title: '书面告知日期' })),
}, { additionalProperties: false });

const TrainingBody = Type.Object({
  date: DateField('培训日期'),
  title: Type.String({ title: '培训主题', minLength: 1, maxLength: 200 }),
  organizer: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()], { title: '主办' })),
  notes: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()], { title: '备注' })),
  attendees: Type.Array(Type.Object({ unitId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { title: '参训人员所属单位' }), name: Type.String({ title: '参训人员姓名', minLength: 1, maxLength: 50 }) }, { additionalProperties: false }), { title: '参训人员', maxItems: 1000 }),
}, { additionalProperties: false });

const UnitBody = Type.Object({
  name: Type.String({ title: '单位名称', minLength: 2, maxLength: 50 }),
  seriesCode: Type.String({ title: '序列', minLength: 1, maxLength: 20 }),
}, { additionalProperties: false });

const AuditQuery = Type.Object({
  from: Type.Optional(Type.String({ title: '起始时间', maxLength: 30 })),
  to: Type.Optional(Type.String({ title: '截止时间', maxLength: 30 })),
  actor: Type.Optional(Type.String({ title: '操作人', maxLength: 100 })),
  action: Type.Optional(Type.String({ title: '操作', maxLength: 50 })),
  outcome: Type.Optional(Type.Union([Type.Literal('ok'), Type.Literal('denied'), Type.Literal('failed')], { title: '结果' })),
  objectType: Type.Optional(Type.String({ title: '对象类型', maxLength: 50 })),
  objectId: Type.Optional(Type.String({ title: '对象编号', maxLength: 50 })),
  page: Type.Optional(Type.Integer({ title: '页码', minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 200 })),
}, { additionalProperties: false });


/** Units, series and policies (系统管理员), the registry and training (调研科), the audit log (审计管理员). */
export function adminRoutes(app: FastifyInstance, db: Kysely<Database>, config: ServerConfig): void {
  const user = (request: FastifyRequest) => actingUser(authOf(request).user, request.ip);
  // The units and rules: everyone who works with items, and the administrators who keep units, accounts and policies (not the audit administrator).
  const referenceReaders = ALL_ROLES.filter((role) => role !== 'audit_admin');

  app.get('/api/units', { config: { access: referenceReaders }, schema: { tags: ['单位与政策'], summary: '报送单位及所属序列、现行指标' } }, async () => {
    const [units, series, policies] = await Promise.all([listUnits(db), listSeries(db), listPolicies(db)]);
    const policy = policyInForce(policies, todayInChina(config.now())) ?? policies[0];
    const names = new Map(series.map((s) => [s.code, s.name]));
    return units.map((u) => ({
      id: u.id, name: u.name, initials: pinyinInitials(u.name), series: u.series_code, seriesName: names.get(u.series_code), version: u.version,
      quarterlyTarget: policy?.series[u.series_code]?.quarterly ?? null, annualTarget: policy?.series[u.series_code]?.annual ?? null,
    }));
  });

  app.post('/api/units', { config: { access: ['sys_admin'] }, schema: { tags: ['单位与政策'], summary: '新增报送单位', body: UnitBody } }, async (request, reply) => {
    const body = request.body as Static<typeof UnitBody>;
    const series = await db.selectFrom('series').select('code').where('code', '=', body.seriesCode).executeTakeFirst();
    if (!series) throw new ServiceError('invalid', '序列不存在', { field: 'seriesCode', label: '序列' });
    if (await db.selectFrom('units').select('id').where('name', '=', body.name.trim()).executeTakeFirst()) throw new ServiceError('conflict', `单位“${body.name.trim()}”已存在`, { field: 'name', label: '单位名称' });
    const id = await db.transaction().execute(async (trx) => {
      const order = await trx.selectFrom('units').select((eb) => eb.fn.max('sort_order').as('n')).where('series_code', '=', body.seriesCode).executeTakeFirst();
      const { id: newId } = await trx.insertInto('units').values({ name: body.name.trim(), series_code: body.seriesCode, sort_order: Number(order?.n ?? 0) + 1 }).returning('id').executeTakeFirstOrThrow();
      await appendAudit(trx, actorOf(request), { action: 'create_unit', objectType: 'unit', objectId: newId, outcome: 'ok', after: body }, config.now());
      return newId;
    });
    return reply.status(201).send({ id });
  });

  app.get('/api/series', { config: { access: referenceReaders }, schema: { tags: ['单位与政策'], summary: '考核序列' } }, async () => listSeries(db));

  app.get('/api/policies', { config: { access: referenceReaders }, schema: { tags: ['单位与政策'], summary: '考核政策各版本（记分规则、分值、指标）' } }, async () => listPolicies(db));

  app.post('/api/policies', { config: { access: ['sys_admin'] }, schema: { tags: ['单位与政策'], summary: '新增考核政策版本（JSON，格式同 seeds/panyu-2010.policy.json）' } }, async (request, reply) => {
    const parsed = parsePolicy(request.body);
    if ('problems' in parsed) throw new ServiceError('invalid', parsed.problems.join('；'));
    try {
      await addPolicy(db, actorOf(request), parsed.policy, config.now());
    } catch (error) {
      if (error instanceof PolicyConflictError) throw new ServiceError('conflict', error.message);
      throw error;
    }
    return reply.status(201).send({ name: parsed.policy.name });
  });

  app.get('/api/registry', { config: { access: ITEM_ROLES }, schema: { tags: ['信息员登记'], summary: '信息员登记备案：各单位责任人、信息员及提醒' } }, async (request) => readRegistry(db, user(request), config.now()));

  app.get('/api/registry/missing-officers', { config: { access: ['editor', 'office_leader'] }, schema: { tags: ['信息员登记'], summary: '未登记信息员的单位' } }, async (request) =>
    (await readRegistry(db, user(request), config.now())).filter((r) => !r.contacts.some((c) => c.duty === 'officer')).map((r) => r.unit));

  app.post('/api/units/:id/contacts', { config: { access: ['editor', 'officer'] }, schema: { tags: ['信息员登记'], summary: '登记分管领导、直接责任人或信息员', params: IdParams, body: ContactBody } }, async (request, reply) =>
    reply.status(201).send(await addContact(db, user(request), (request.params as Static<typeof IdParams>).id, request.body as Static<typeof ContactBody>, config.now())));

  app.post('/api/contacts/:id/end', { config: { access: ['editor', 'officer'] }, schema: { tags: ['信息员登记'], summary: '人员更换：登记离任及书面告知日期', params: IdParams, body: EndContactBody } }, async (request) => {
    const body = request.body as Static<typeof EndContactBody>;
    await endContact(db, user(request), (request.params as Static<typeof IdParams>).id, body.version, body.endedOn, body.noticeDate ?? null, config.now());
    return { ok: true };
  });

  app.get('/api/trainings', { config: { access: ITEM_ROLES }, schema: { tags: ['信息员培训'], summary: '培训记录' } }, async (request) => listTrainings(db, user(request)));

  app.post('/api/trainings', { config: { access: ['editor'] }, schema: { tags: ['信息员培训'], summary: '登记培训', body: TrainingBody } }, async (request, reply) =>
    reply.status(201).send(await recordTraining(db, user(request), request.body as Static<typeof TrainingBody>, config.now())));

  app.get('/api/audit', { config: { access: ['audit_admin'] }, schema: { tags: ['审计'], summary: '审计日志（筛选、分页）', querystring: AuditQuery } }, async (request) => {
    const query = request.query as Static<typeof AuditQuery>;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { rows, total } = await readAudit(db, query as AuditFilter, pageSize, (page - 1) * pageSize);
    return { page, pageSize, total, entries: rows };
  });

  app.get('/api/audit/verify', {
    config: { access: ['audit_admin'] },
    schema: { tags: ['审计'], summary: '校验审计日志的哈希链（SM3）：是否完整、未被改动' },
    preHandler: rateLimit(db, config, 'audit-verify', () => Math.min(10, config.costlyRateLimit), (request) => String(request.auth?.user.id)),
  }, async () => verifyAudit(db));

  app.get('/api/audit/export', {
    config: { access: ['audit_admin'] },
    schema: { tags: ['审计'], summary: '导出审计日志（CSV）', querystring: AuditQuery },
    preHandler: rateLimit(db, config, 'audit-export', () => Math.min(10, config.costlyRateLimit), (request) => String(request.auth?.user.id)),
  }, async (request, reply) => {
    const query = request.query as Static<typeof AuditQuery>;
    const { rows } = await readAudit(db, query as AuditFilter, 100_000, 0);
    await db.transaction().execute((trx) => appendAudit(trx, actorOf(request), { action: 'export_audit', objectType: 'audit_log', outcome: 'ok', after: { filter: query, rows: rows.length } }, config.now()));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${todayInChina(config.now())}.csv"`)
      .send(auditCsv(rows));
  });
}

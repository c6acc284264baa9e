import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { isIsoDate, todayInChina } from '../../../domain/dates.js';
import { canSeeUnitScores } from '../../../domain/permissions.js';
import { computeScores } from '../../../services/compute-scores.js';
import { explainUnit, UnknownUnitError } from '../../../services/explain-unit.js';
import { scoresByRule } from '../../../services/scores-by-rule.js';
import { actingUser } from '../../../services/items/item-access.js';
import { approveResults, listResults, prepareResults, returnResults } from '../../../services/results/publish-results.js';
import { ServiceError } from '../../../services/service-error.js';
import type { ServerConfig } from '../../config.js';
import { isUnitRole } from '../../../shared/roles.js';
import { authOf, denyAsNotFound, rateLimit } from '../../plugins/access.js';
import { ITEM_ROLES } from '../items/items.routes.js';

const Period = {
  year: Type.Integer({ title: '考核年度', minimum: 2000, maximum: 2100 }),
  quarter: Type.Optional(Type.Integer({ title: '季度', minimum: 1, maximum: 4 })),
  asOf: Type.Optional(Type.String({ title: '截至日期', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
};
const ScoresQuery = Type.Object({ ...Period, series: Type.Optional(Type.String({ title: '序列', maxLength: 20 })) }, { additionalProperties: false });
const ByRuleQuery = Type.Object({ ...Period }, { additionalProperties: false });
const ExplainQuery = Type.Object({ ...Period, unit: Type.String({ title: '单位', minLength: 1, maxLength: 50 }) }, { additionalProperties: false });

function checkAsOf(asOf: string | undefined): void {
  if (asOf !== undefined && !isIsoDate(asOf)) throw new ServiceError('invalid', '“截至日期”不是有效日期', { field: 'asOf', label: '截至日期' });
}

/** 考核: the same documents as `govinfo scores --json` and `explain --json`. */
export function scoresRoutes(app: FastifyInstance, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['考核'];
  const costly = rateLimit(db, config, 'scores', () => config.costlyRateLimit, (request) => String(request.auth?.user.id));

  app.get('/api/scores', { config: { access: ITEM_ROLES }, schema: { tags, summary: '各单位季度、年度得分与指标、排名、连续未完成季度数', querystring: ScoresQuery }, preHandler: costly }, async (request) => {
    const query = request.query as Static<typeof ScoresQuery>;
    checkAsOf(query.asOf);
    // A live office sees the year as it stands today (deadlines not yet passed cost nothing); asOf asks for another day.
    const document = await computeScores(db, { year: query.year, quarter: query.quarter, asOf: query.asOf ?? todayInChina(config.now()) });
    const acting = actingUser(authOf(request).user, request.ip);
    // Units see their own standing live; every unit's figures reach them as published results.
    const own = isUnitRole(acting.role) ? (await db.selectFrom('units').select('name').where('id', '=', acting.unitId!).executeTakeFirst())?.name : undefined;
    const units = document.units.filter((u) => (!query.series || u.series === query.series) && (own === undefined || u.unit === own));
    return { ...document, units };
  });

  app.get('/api/scores/explain', { config: { access: ITEM_ROLES }, schema: { tags, summary: '某单位得分背后的每一笔记分', querystring: ExplainQuery }, preHandler: costly }, async (request) => {
    const query = request.query as Static<typeof ExplainQuery>;
    checkAsOf(query.asOf);
    const user = actingUser(authOf(request).user, request.ip);
    const unit = await db.selectFrom('units').select('id').where('name', '=', query.unit).executeTakeFirst();
    if (!unit) throw new ServiceError('not_found', `未找到报送单位“${query.unit}”`);
    if (!canSeeUnitScores(user, unit.id)) return denyAsNotFound(db, request, 'unit_scores', unit.id, config.now());
    try {
      const explanation = await explainUnit(db, { unit: query.unit, year: query.year, quarter: query.quarter, asOf: query.asOf ?? todayInChina(config.now()) });
      // The pages link each booking to its item's page, which is addressed by id.
      const refs = [...new Set(explanation.bookings.map((b) => b.item).filter((ref) => ref !== null))];
      const ids = new Map<string, { id: number; title: string }>();
      for (let start = 0; start < refs.length; start += 500) {
        const rows = await db.selectFrom('items').select(['id', 'ref', 'title']).where('unit_id', '=', unit.id).where('ref', 'in', refs.slice(start, start + 500)).execute();
        for (const row of rows) ids.set(row.ref, { id: row.id, title: row.title });
      }
      return { ...explanation, bookings: explanation.bookings.map((b) => ({ ...b, itemId: b.item === null ? null : ids.get(b.item)?.id ?? null, itemTitle: b.item === null ? null : ids.get(b.item)?.title ?? null })) };
    } catch (error) {
      if (error instanceof UnknownUnitError) throw new ServiceError('not_found', error.message);
      throw error;
    }
  });

  app.get('/api/scores/by-rule', { config: { access: ['editor', 'office_leader'] }, schema: { tags, summary: '各序列每季度按记分规则（采用载体、批示、上报、约稿、扣分）汇总的得分', querystring: ByRuleQuery }, preHandler: costly }, async (request) => {
    const query = request.query as Static<typeof ByRuleQuery>;
    checkAsOf(query.asOf);
    return scoresByRule(db, { year: query.year, quarter: query.quarter, asOf: query.asOf ?? todayInChina(config.now()) });
  });
}

const PublicationBody = Type.Object({ year: Type.Integer({ title: '考核年度', minimum: 2000, maximum: 2100 }), quarter: Type.Integer({ title: '季度', minimum: 1, maximum: 4 }) }, { additionalProperties: false });
const ApproveBody = Type.Object({ version: Type.Integer({ title: '版本号', minimum: 1 }) }, { additionalProperties: false });
const ReturnBody = Type.Object({ version: Type.Integer({ title: '版本号', minimum: 1 }), comment: Type.String({ title: '退回意见', minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
const PublicationParams = Type.Object({ id: Type.Integer({ title: '编号', minimum: 1 }) });

/** 《番府信息》(工作通讯): the editor prepares a quarter's results, an office leader approves and so publishes them. */
export function resultsRoutes(app: FastifyInstance, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['考核'];
  const user = (request: FastifyRequest) => actingUser(authOf(request).user, request.ip);
  app.get('/api/results', { config: { access: ITEM_ROLES }, schema: { tags, summary: '季度考核结果（已发布的；区政府办公室另见待审批的）' } }, async (request) => listResults(db, user(request)));
  app.post('/api/results', { config: { access: ['editor'] }, schema: { tags, summary: '编制季度考核结果', body: PublicationBody } }, async (request, reply) => {
    const body = request.body as Static<typeof PublicationBody>;
    return reply.status(201).send(await prepareResults(db, user(request), body.year, body.quarter, config.now()));
  });
  app.post('/api/results/:id/approve', { config: { access: ['office_leader'] }, schema: { tags, summary: '审批并发布考核结果', params: PublicationParams, body: ApproveBody } }, async (request) => {
    await approveResults(db, user(request), (request.params as Static<typeof PublicationParams>).id, (request.body as Static<typeof ApproveBody>).version, config.now());
    return { ok: true };
  });
  app.post('/api/results/:id/return', { config: { access: ['office_leader'] }, schema: { tags, summary: '退回考核结果给调研科（须填写意见）', params: PublicationParams, body: ReturnBody } }, async (request) => {
    const body = request.body as Static<typeof ReturnBody>;
    await returnResults(db, user(request), (request.params as Static<typeof PublicationParams>).id, body.version, body.comment, config.now());
    return { ok: true };
  });
}

import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { actingUser } from '../../../services/items/item-access.js';
import { answerSolicitation, createSolicitation, deletePenalty, listPenalties, listSolicitations, recordPenalty } from '../../../services/solicitations/solicitations.js';
import type { ServerConfig } from '../../config.js';
import { authOf } from '../../plugins/access.js';
import { ITEM_ROLES } from '../items/items.routes.js';

const DateField = (title: string) => Type.String({ title, pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const IdParams = Type.Object({ id: Type.Integer({ title: '编号', minimum: 1 }) });

const SolicitationBody = Type.Object({
  issuer: Type.Union([Type.Literal('district'), Type.Literal('city')], { title: '约稿方' }),
  title: Type.String({ title: '约稿标题', minLength: 1, maxLength: 200 }),
  requirements: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()], { title: '约稿要求' })),
  deadline: DateField('截止日期'),
  unitIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { title: '约稿对象', maxItems: 5000 })),
}, { additionalProperties: false });

const ResponseBody = Type.Object({ itemId: Type.Integer({ title: '稿件', minimum: 1 }) }, { additionalProperties: false });

const PenaltyBody = Type.Object({
  unitId: Type.Integer({ title: '单位', minimum: 1 }),
  reason: Type.Union([Type.Literal('late_solicitation'), Type.Literal('criticism')], { title: '扣分原因' }),
  date: DateField('扣分日期'),
  note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], { title: '备注' })),
}, { additionalProperties: false });

/** 约稿 and 扣分. */
export function solicitationsRoutes(app: FastifyInstance, db: Kysely<Database>, config: ServerConfig): void {
  const user = (request: FastifyRequest) => actingUser(authOf(request).user, request.ip);

  app.get('/api/solicitations', { config: { access: ITEM_ROLES }, schema: { tags: ['约稿'], summary: '约稿：区政府办公室看全部及回复情况，单位看发给本单位的及截止倒计时' } }, async (request) =>
    listSolicitations(db, user(request), config.now()));

  app.post('/api/solicitations', { config: { access: ['editor'] }, schema: { tags: ['约稿'], summary: '发布约稿', body: SolicitationBody } }, async (request, reply) =>
    reply.status(201).send(await createSolicitation(db, user(request), request.body as Static<typeof SolicitationBody>, config.now())));

  app.post('/api/solicitations/:id/responses', { config: { access: ['officer'] }, schema: { tags: ['约稿'], summary: '以本单位的稿件回复约稿', params: IdParams, body: ResponseBody } }, async (request, reply) =>
    reply.status(201).send(await answerSolicitation(db, user(request), (request.params as Static<typeof IdParams>).id, (request.body as Static<typeof ResponseBody>).itemId, config.now())));

  app.get('/api/penalties', { config: { access: ITEM_ROLES }, schema: { tags: ['扣分'], summary: '扣分记录' } }, async (request) => listPenalties(db, user(request)));

  app.post('/api/penalties', { config: { access: ['editor'] }, schema: { tags: ['扣分'], summary: '登记扣分（迟报约稿、受到批评）', body: PenaltyBody } }, async (request, reply) =>
    reply.status(201).send(await recordPenalty(db, user(request), request.body as Static<typeof PenaltyBody>, config.now())));

  app.delete('/api/penalties/:id', { config: { access: ['editor'] }, schema: { tags: ['扣分'], summary: '撤销误登的扣分', params: IdParams } }, async (request) => {
    await deletePenalty(db, user(request), (request.params as Static<typeof IdParams>).id, config.now());
    return { ok: true };
  });
}

import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { deletePenalty } from '../../../services/penalties/delete-penalty.js';
import { listPenalties } from '../../../services/penalties/list-penalties.js';
import { recordPenalty } from '../../../services/penalties/record-penalty.js';
import { answerSolicitation } from '../../../services/solicitations/answer-solicitation.js';
import { createSolicitation } from '../../../services/solicitations/create-solicitation.js';
import { listSolicitations } from '../../../services/solicitations/list-solicitations.js';
import {
  CreatedRecord,
  IdParams,
  Penalties,
  PenaltyBody,
  PenaltyDeleted,
  RecordedPenalty,
  ResponseBody,
  SolicitationBody,
  Solicitations,
} from '../../../shared/api/solicitations.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actingUserOf } from '../../plugins/access.js';
import { ITEM_ROLES } from '../../../shared/roles.js';

/** 约稿 and 扣分. */
export function solicitationsRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const user = actingUserOf;

  app.get(
    '/api/solicitations',
    {
      config: { access: ITEM_ROLES },
      schema: {
        tags: ['约稿'],
        summary: '约稿：区政府办公室看全部及回复情况，单位看发给本单位的及截止倒计时',
        response: { 200: Solicitations },
      },
    },
    async (request) => listSolicitations(db, user(request), config.now())
  );

  app.post(
    '/api/solicitations',
    {
      config: { access: ['editor'] },
      schema: { tags: ['约稿'], summary: '发布约稿', body: SolicitationBody, response: { 201: CreatedRecord } },
    },
    async (request, reply) =>
      reply.status(201).send(await createSolicitation(db, user(request), request.body, config.now()))
  );

  app.post(
    '/api/solicitations/:id/responses',
    {
      config: { access: ['officer'] },
      schema: {
        tags: ['约稿'],
        summary: '以本单位的稿件回复约稿',
        params: IdParams,
        body: ResponseBody,
        response: { 201: CreatedRecord },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await answerSolicitation(db, user(request), request.params.id, request.body.itemId, config.now()))
  );

  app.get(
    '/api/penalties',
    { config: { access: ITEM_ROLES }, schema: { tags: ['扣分'], summary: '扣分记录', response: { 200: Penalties } } },
    async (request) => listPenalties(db, user(request))
  );

  app.post(
    '/api/penalties',
    {
      config: { access: ['editor'] },
      schema: {
        tags: ['扣分'],
        summary: '登记扣分（迟报约稿、受到批评）',
        body: PenaltyBody,
        response: { 201: RecordedPenalty },
      },
    },
    async (request, reply) => reply.status(201).send(await recordPenalty(db, user(request), request.body, config.now()))
  );

  app.delete(
    '/api/penalties/:id',
    {
      config: { access: ['editor'] },
      schema: { tags: ['扣分'], summary: '撤销误登的扣分', params: IdParams, response: { 200: PenaltyDeleted } },
    },
    async (request) => {
      await deletePenalty(db, user(request), request.params.id, config.now());
      return { ok: true as const };
    }
  );
}

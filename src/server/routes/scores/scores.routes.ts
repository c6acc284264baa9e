import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { isIsoDate, todayInChina } from '../../../domain/dates.js';
import { explainUnitForUser } from '../../../services/explain-unit-for-user.js';
import { scoresByRule } from '../../../services/scores-by-rule.js';
import { scoresForUser } from '../../../services/scores-for-user.js';
import {
  approveResults,
  listResults,
  prepareResults,
  returnResults,
} from '../../../services/results/publish-results.js';
import { ServiceError } from '../../../services/service-error.js';
import {
  ApproveBody,
  PreparedPublication,
  PublicationBody,
  PublicationParams,
  Publications,
  ResultsOk,
  ReturnBody,
} from '../../../shared/api/results.js';
import {
  ByRuleQuery,
  Explanation,
  ExplainQuery,
  RuleTotalsDocument,
  ScoresDocument,
  ScoresQuery,
} from '../../../shared/api/scores.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actingUserOf, rateLimit } from '../../plugins/access.js';
import { ITEM_ROLES } from '../../../shared/roles.js';

function checkAsOf(asOf: string | undefined): void {
  if (asOf !== undefined && !isIsoDate(asOf))
    throw new ServiceError('invalid', '“截至日期”不是有效日期', { field: 'asOf', label: '截至日期' });
}

/** 考核: the same documents as `govinfo scores --json` and `explain --json`. */
export function scoresRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['考核'];
  const costly = rateLimit(
    db,
    config,
    'scores',
    () => config.costlyRateLimit,
    (request) => String(request.auth?.user.id)
  );

  app.get(
    '/api/scores',
    {
      config: { access: ITEM_ROLES },
      schema: {
        tags,
        summary: '各单位季度、年度得分与指标、排名、连续未完成季度数',
        querystring: ScoresQuery,
        response: { 200: ScoresDocument },
      },
      preHandler: costly,
    },
    async (request) => {
      const { query } = request;
      checkAsOf(query.asOf);
      // A live office sees the year as it stands today (deadlines not yet passed cost nothing); asOf asks for another day.
      return scoresForUser(db, actingUserOf(request), {
        year: query.year,
        quarter: query.quarter,
        asOf: query.asOf ?? todayInChina(config.now()),
        series: query.series,
      });
    }
  );

  app.get(
    '/api/scores/explain',
    {
      config: { access: ITEM_ROLES },
      schema: {
        tags,
        summary: '某单位得分背后的每一笔记分',
        querystring: ExplainQuery,
        response: { 200: Explanation },
      },
      preHandler: costly,
    },
    async (request) => {
      const { query } = request;
      checkAsOf(query.asOf);
      return explainUnitForUser(
        db,
        actingUserOf(request),
        { unit: query.unit, year: query.year, quarter: query.quarter, asOf: query.asOf ?? todayInChina(config.now()) },
        config.now()
      );
    }
  );

  app.get(
    '/api/scores/by-rule',
    {
      config: { access: ['editor', 'office_leader'] },
      schema: {
        tags,
        summary: '各序列每季度按记分规则（采用载体、批示、上报、约稿、扣分）汇总的得分',
        querystring: ByRuleQuery,
        response: { 200: RuleTotalsDocument },
      },
      preHandler: costly,
    },
    async (request) => {
      const { query } = request;
      checkAsOf(query.asOf);
      return scoresByRule(db, {
        year: query.year,
        quarter: query.quarter,
        asOf: query.asOf ?? todayInChina(config.now()),
      });
    }
  );
}

/** 《番府信息》(工作通讯): the editor prepares a quarter's results, an office leader approves and so publishes them. */
export function resultsRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['考核'];
  const user = actingUserOf;
  app.get(
    '/api/results',
    {
      config: { access: ITEM_ROLES },
      schema: { tags, summary: '季度考核结果（已发布的；区政府办公室另见待审批的）', response: { 200: Publications } },
    },
    async (request) => listResults(db, user(request))
  );
  app.post(
    '/api/results',
    {
      config: { access: ['editor'] },
      schema: { tags, summary: '编制季度考核结果', body: PublicationBody, response: { 201: PreparedPublication } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await prepareResults(db, user(request), request.body.year, request.body.quarter, config.now()))
  );
  app.post(
    '/api/results/:id/approve',
    {
      config: { access: ['office_leader'] },
      schema: {
        tags,
        summary: '审批并发布考核结果',
        params: PublicationParams,
        body: ApproveBody,
        response: { 200: ResultsOk },
      },
    },
    async (request) => {
      await approveResults(db, user(request), request.params.id, request.body.version, config.now());
      return { ok: true as const };
    }
  );
  app.post(
    '/api/results/:id/return',
    {
      config: { access: ['office_leader'] },
      schema: {
        tags,
        summary: '退回考核结果给调研科（须填写意见）',
        params: PublicationParams,
        body: ReturnBody,
        response: { 200: ResultsOk },
      },
    },
    async (request) => {
      await returnResults(
        db,
        user(request),
        request.params.id,
        request.body.version,
        request.body.comment,
        config.now()
      );
      return { ok: true as const };
    }
  );
}

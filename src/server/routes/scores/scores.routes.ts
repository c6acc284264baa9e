import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { isIsoDate, todayInChina } from '../../../domain/dates.js';
import { explainUnitForUser } from '../../../services/explain-unit-for-user.js';
import { scoresByRule } from '../../../services/scores-by-rule.js';
import { scoresForUser } from '../../../services/scores-for-user.js';
import { ServiceError } from '../../../services/service-error.js';
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

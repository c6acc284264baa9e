import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { reviewersOfMyUnit, unitsWithoutReviewer } from '../../../services/items/unit-reviewers.js';
import { UnitReviewers, UnitsWithoutReviewer } from '../../../shared/api/review.js';
import type { ApiApp } from '../../api-app.js';
import { actingUserOf } from '../../plugins/access.js';

/** Who reviews a unit's items, and which units have items waiting with no reviewer account. */
export function reviewRoutes(app: ApiApp, db: Kysely<Database>): void {
  const tags = ['信息稿件'];
  const user = actingUserOf;

  app.get(
    '/api/units/mine/reviewers',
    {
      config: { access: ['officer', 'reviewer', 'principal'] },
      schema: {
        tags,
        summary: '本单位审核稿件的领导（分管领导；没有时由主要领导审核）',
        response: { 200: UnitReviewers },
      },
    },
    async (request) => reviewersOfMyUnit(db, user(request))
  );

  app.get(
    '/api/units/without-reviewer',
    {
      config: { access: ['sys_admin', 'editor'] },
      schema: {
        tags,
        summary: '有稿件待单位审核、却没有分管领导账号的单位（仅单位名称与篇数）',
        response: { 200: UnitsWithoutReviewer },
      },
    },
    async (request) => unitsWithoutReviewer(db, user(request))
  );
}

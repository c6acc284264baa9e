import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { listPolicies } from '../../../db/repositories/policy.repository.js';
import { addPolicyFromJson } from '../../../services/add-policy.js';
import { AddedPolicy, PolicyList } from '../../../shared/api/policies.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actorOf } from '../../plugins/access.js';
import { REFERENCE_READERS } from '../../../shared/roles.js';

/** The assessment policy versions: read by everyone who works with them, added by 系统管理员. */
export function policiesRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['单位与政策'];

  app.get(
    '/api/policies',
    {
      config: { access: REFERENCE_READERS },
      schema: { tags, summary: '考核政策各版本（记分规则、分值、指标）', response: { 200: PolicyList } },
    },
    async () => listPolicies(db)
  );

  // The body is a policy file, checked by parsePolicy rather than a schema (its problems are listed in Chinese).
  app.post(
    '/api/policies',
    {
      config: { access: ['sys_admin'] },
      schema: {
        tags,
        summary: '新增考核政策版本（JSON，格式同 seeds/panyu-2010.policy.json）',
        response: { 201: AddedPolicy },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addPolicyFromJson(db, actorOf(request), request.body, config.now()))
  );
}

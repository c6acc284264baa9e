import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { listTrainings, recordTraining } from '../../../services/registry/registry.js';
import { CreatedRecord, TrainingBody, TrainingList } from '../../../shared/api/registry.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actingUserOf } from '../../plugins/access.js';
import { ITEM_ROLES } from '../../../shared/roles.js';

/** 信息员培训: sessions recorded by the editor, with who attended. */
export function trainingsRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['信息员培训'];
  const user = actingUserOf;

  app.get(
    '/api/trainings',
    { config: { access: ITEM_ROLES }, schema: { tags, summary: '培训记录', response: { 200: TrainingList } } },
    async (request) => listTrainings(db, user(request))
  );

  app.post(
    '/api/trainings',
    {
      config: { access: ['editor'] },
      schema: { tags, summary: '登记培训', body: TrainingBody, response: { 201: CreatedRecord } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordTraining(db, user(request), request.body, config.now()))
  );
}

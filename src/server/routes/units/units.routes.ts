import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { listSeries } from '../../../db/repositories/unit.repository.js';
import { createUnit } from '../../../services/units/create-unit.js';
import { listUnitsWithTargets } from '../../../services/units/list-units.js';
import { CreatedUnit, SeriesList, UnitBody, UnitList } from '../../../shared/api/units.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actorOf } from '../../plugins/access.js';
import { REFERENCE_READERS } from '../../../shared/roles.js';

/** Reporting units and their series: read by everyone who works with them, added by 系统管理员. */
export function unitsRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['单位与政策'];

  app.get(
    '/api/units',
    {
      config: { access: REFERENCE_READERS },
      schema: { tags, summary: '报送单位及所属序列、现行指标', response: { 200: UnitList } },
    },
    async () => listUnitsWithTargets(db, config.now())
  );

  app.post(
    '/api/units',
    {
      config: { access: ['sys_admin'] },
      schema: { tags, summary: '新增报送单位', body: UnitBody, response: { 201: CreatedUnit } },
    },
    async (request, reply) => reply.status(201).send(await createUnit(db, actorOf(request), request.body, config.now()))
  );

  app.get(
    '/api/series',
    { config: { access: REFERENCE_READERS }, schema: { tags, summary: '考核序列', response: { 200: SeriesList } } },
    async () => listSeries(db)
  );
}

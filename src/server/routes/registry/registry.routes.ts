import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { addContact, endContact, readRegistry, unitsMissingOfficers } from '../../../services/registry/registry.js';
import { closeFollowUp } from '../../../services/registry/close-follow-up.js';
import { setMailOptOuts } from '../../../services/registry/mail-opt-outs.js';
import { MailOptOutBody } from '../../../shared/api/outbox.js';
import { Done } from '../../../shared/api/auth.js';
import {
  CloseFollowUpBody,
  ContactBody,
  CreatedRecord,
  EndContactBody,
  IdParams,
  Registry,
  UnitsMissingOfficers,
} from '../../../shared/api/registry.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actingUserOf } from '../../plugins/access.js';
import { ITEM_ROLES } from '../../../shared/roles.js';

/** 信息员登记备案: each unit's responsible people and officers, kept by the editor and the unit's officer. */
export function registryRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['信息员登记'];
  const user = actingUserOf;

  app.get(
    '/api/registry',
    {
      config: { access: ITEM_ROLES },
      schema: { tags, summary: '信息员登记备案：各单位责任人、信息员及提醒', response: { 200: Registry } },
    },
    async (request) => readRegistry(db, user(request), config.now())
  );

  app.get(
    '/api/registry/missing-officers',
    {
      config: { access: ['editor', 'office_leader'] },
      schema: { tags, summary: '未登记信息员的单位', response: { 200: UnitsMissingOfficers } },
    },
    async (request) => unitsMissingOfficers(db, user(request), config.now())
  );

  app.post(
    '/api/units/:id/contacts',
    {
      config: { access: ['editor', 'officer'] },
      schema: {
        tags,
        summary: '登记分管领导、直接责任人或信息员',
        params: IdParams,
        body: ContactBody,
        response: { 201: CreatedRecord },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addContact(db, user(request), request.params.id, request.body, config.now()))
  );

  app.post(
    '/api/contacts/:id/end',
    {
      config: { access: ['editor', 'officer'] },
      schema: {
        tags,
        summary: '人员更换：登记离任及书面告知日期',
        params: IdParams,
        body: EndContactBody,
        response: { 200: Done },
      },
    },
    async (request) => {
      const { version, endedOn, noticeDate } = request.body;
      await endContact(db, user(request), request.params.id, version, endedOn, noticeDate ?? null, config.now());
      return { ok: true as const };
    }
  );

  app.put(
    '/api/contacts/:id/mail-opt-outs',
    {
      config: { access: ['editor', 'officer'] },
      schema: {
        tags,
        summary: '邮件通知：设置登记人员不接收的通知种类',
        params: IdParams,
        body: MailOptOutBody,
        response: { 200: Done },
      },
    },
    async (request) => {
      await setMailOptOuts(db, user(request), request.params.id, request.body.optOut, config.now());
      return { ok: true as const };
    }
  );

  app.post(
    '/api/follow-ups/:id/close',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '关闭“建议更换信息员”提醒（须填写原因）',
        params: IdParams,
        body: CloseFollowUpBody,
        response: { 200: Done },
      },
    },
    async (request) => {
      await closeFollowUp(
        db,
        user(request),
        request.params.id,
        request.body.version,
        request.body.reason,
        config.now()
      );
      return { ok: true as const };
    }
  );
}

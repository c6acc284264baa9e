/**
 * Hostile input from the contract (issue 10, "Prove"): every operation of the OpenAPI document,
 * as every role and as nobody, with requests fast-check draws from the operation's schemas —
 * a third valid, so they reach the use cases, the rest hostile in one respect each (wrong types, huge
 * and tricky strings, deep nesting, edge numbers, other units' ids, extra and missing fields,
 * malformed JSON, wrong content types, no CSRF token).
 *
 * Every answer: below 500 and free of internal detail. Every refused request (not 2xx): nothing
 * stored — the store's fingerprint after it equals the one before, and the audit entries it
 * appended are refusals, not `ok`. At the end the audit chain verifies.
 *
 * GOVINFO_PROOF_RUNS sets the requests per operation and caller (default: enough for 10,000 on
 * SQLite, a third of that on PostgreSQL, where each request costs more); GOVINFO_PROOF_SEED replays a run.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { auditPage } from '../../src/db/repositories/audit.repository.js';
import { generateDemoLedger } from '../../src/services/generate-demo.js';
import { verifyAudit } from '../../src/services/audit/verify-audit.js';
import type { Role } from '../../src/shared/roles.js';
import { hostileRequest, type HostileRequest, type RequestHints } from '../helpers/hostile/hostile-request.js';
import {
  operationName,
  operationsOf,
  type OpenApiDocument,
  type Operation,
} from '../helpers/hostile/openapi-operations.js';
import { leaksIn } from '../helpers/hostile/response-leaks.js';
import { seedWorld, HOME_UNIT, OTHER_UNIT, type SeededWorld } from '../helpers/hostile/seed-records.js';
import {
  changedTables,
  fingerprintStore,
  tablesOf,
  type StoreFingerprint,
} from '../helpers/hostile/store-fingerprint.js';
import { createTestApp, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { dialect, isDialectAvailable } from '../helpers/test-store.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/server/plugins/access.js';

/**
 * The seed: fixed in `npm test`, so the suite gives the same answer on every run; new for every
 * long run (`npm run proof:hostile`, which sets GOVINFO_PROOF_RUNS), so the proof keeps exploring.
 * Either is printed; GOVINFO_PROOF_SEED repeats a run.
 */
const SEED = Number(
  process.env.GOVINFO_PROOF_SEED ?? (process.env.GOVINFO_PROOF_RUNS ? Date.now() % 1_000_000 : 20_261_128)
);
/** Requests per operation and caller: 65 operations × 9 callers × 18 ≈ 10,500 on SQLite, × 6 ≈ 3,500 on PostgreSQL. */
const RUNS = Number(process.env.GOVINFO_PROOF_RUNS ?? (dialect === 'sqlite' ? 18 : 6));

/**
 * Operations that end or rewrite the caller's own session or everyone's rules: they run last,
 * in this order, so nothing generated after them runs with a dead or restricted session. (A
 * login attempt ends the session it is sent with, and wrong current passwords lock the account.)
 */
const LAST = ['PUT /api/security-settings', 'POST /api/auth/password', 'POST /api/auth/logout', 'POST /api/auth/login'];
/**
 * The table whose records a path parameter names, by the path's prefix: generated path ids are
 * that table's ids (every unit's), so requests reach other units' records, not just "not found".
 */
const PATH_TABLES: [prefix: RegExp, id: string, childId?: string][] = [
  [/^\/api\/items\/\{id\}\/attachments/, 'items', 'attachments'],
  [/^\/api\/items\/\{id\}\/adoptions/, 'items', 'adoptions'],
  [/^\/api\/items\//, 'items'],
  [/^\/api\/results\//, 'result_publications'],
  [/^\/api\/summaries\//, 'summaries'],
  [/^\/api\/solicitations\//, 'solicitations'],
  [/^\/api\/penalties\//, 'penalties'],
  [/^\/api\/notices\/\{id\}\/attachments/, 'notices', 'notice_attachments'],
  [/^\/api\/notices\//, 'notices'],
  [/^\/api\/units\//, 'units'],
  [/^\/api\/contacts\//, 'unit_contacts'],
];

/** Longer than this for one request (milliseconds) is a finding: cheap requests must stay cheap. */
const SLOW_MS = 5_000;
/**
 * Document downloads (Word with charts rendered on the server, PDF through LibreOffice) take
 * seconds by design; what guards them is the `costly` rate limit, which this campaign turns off.
 * Their answered downloads are held to a bound of their own; a refusal must still be fast.
 */
const SLOW_BY_DESIGN = /^\/api\/[^?]+\/document(\?|$)/;
const SLOW_DOCUMENT_MS = 60_000;

/** Tables whose rows carry a `version` that writes must name. */
const VERSIONED = ['items', 'users', 'result_publications', 'summaries', 'unit_contacts'];

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Field values the rules accept (the policy's codes, phone numbers), so valid requests get past them. */
const PLAUSIBLE_FIELDS: Record<string, string[]> = {
  outlet: ['portal', 'dynamic', 'report'],
  kind: ['research', 'headline', 'brief'],
  level: ['district', 'city', 'province'],
  phone: ['020-84731234', '13800138000'],
  officePhone: ['020-84731234'],
  mobile: ['13800138000'],
  email: ['xinxi@shawan.example.gov.cn'],
  unit: [HOME_UNIT, OTHER_UNIT],
  series: ['town', 'dept_a'],
  seriesCode: ['town', 'dept_a'],
  action: ['submit_for_review', 'approve', 'sign', 'return_to_officer', 'withdraw'],
};

/** A finding: what was sent, as whom, and what was wrong with the answer or the store. */
interface Finding {
  caller: string;
  request: string;
  variant: string;
  status: number;
  problem: string;
  /** The first characters of what was sent and of the answer. */
  payload: string;
  body: string;
}

function uploadFiles(): RequestHints['files'] {
  const ledger = generateDemoLedger({
    year: 2026,
    units: [
      { name: HOME_UNIT, series: 'town' },
      { name: OTHER_UNIT, series: 'town' },
    ],
    seed: 3,
  }).slice(0, 5);
  return [
    { name: '说明.pdf', data: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n') },
    { name: 'photo.png', data: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') },
    { name: 'ledger.jsonl', data: Buffer.from(ledger.map((record) => JSON.stringify(record)).join('\n')) },
    { name: 'ledger.csv', data: Buffer.from('type,unit,title\nitem,沙湾镇,标题\n') },
  ];
}

function policyBodies(): unknown[] {
  const policy = JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds/panyu-2010.policy.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  return [
    policy,
    { ...policy, name: 'hostile-2026', effectiveFrom: '2026-06-01' },
    { ...policy, name: 'hostile-2027', effectiveFrom: '2027-01-01', outlets: {} },
    { name: 'x' },
  ];
}

/** A caller: a role's signed-in client, or nobody. */
interface Caller {
  name: Role | 'anonymous';
  client?: ApiClient;
}

function headersFor(request: HostileRequest, caller: Caller): Record<string, string> {
  const headers = { ...request.headers };
  if (!caller.client) return headers;
  headers.cookie = `${SESSION_COOKIE}=${caller.client.token}`;
  if (request.csrf === 'valid') headers[CSRF_HEADER] = caller.client.csrfToken;
  if (request.csrf === 'wrong') headers[CSRF_HEADER] = `${caller.client.csrfToken.slice(1)}x`;
  return headers;
}

describe.skipIf(!isDialectAvailable)('hostile input from the contract: every operation × every caller', () => {
  let t: TestApp;
  let world: SeededWorld;
  let operations: Operation[];

  const soffice = process.env.GOVINFO_SOFFICE;
  beforeAll(async () => {
    // PDFs take LibreOffice seconds each (the route is rate-limited for that); the campaign probes
    // the API's answers, so a PDF asked for gets the 400 of a server without LibreOffice.
    process.env.GOVINFO_SOFFICE = '/nonexistent/soffice';
    // Rate limits would stop most generated requests at the door; the campaign wants them inside.
    t = await createTestApp({ loginRateLimit: 1e9, costlyRateLimit: 1e9 });
    world = await seedWorld(t);
    const document = (await t.app.inject('/api/openapi.json')).json<OpenApiDocument>();
    const rank = (operation: Operation) => LAST.indexOf(operationName(operation));
    operations = operationsOf(document).sort((a, b) => rank(a) - rank(b));
  });
  afterAll(async () => {
    if (soffice === undefined) delete process.env.GOVINFO_SOFFICE;
    else process.env.GOVINFO_SOFFICE = soffice;
    await t?.cleanup();
  });

  it(
    `answers every generated request without a 5xx or a leak, and stores nothing it refuses (seed ${SEED})`,
    async () => {
      const db = t.store.db;
      const tables = await tablesOf(db);
      const callers: Caller[] = [
        { name: 'anonymous' },
        ...[...world.clients].map(([name, client]) => ({ name, client })),
      ];
      const idsOf = async (table: string) =>
        (await sql<{ id: number }>`select id from ${sql.table(table)} order by id`.execute(db)).rows.map((r) => r.id);
      /** Path ids for an operation: its table's records (accounts: only those made to be edited). */
      const pathIdsFor = async (operation: Operation): Promise<RequestHints['pathIds']> => {
        if (operation.path.startsWith('/api/accounts/')) return { id: world.victimAccountIds };
        const match = PATH_TABLES.find(([prefix]) => prefix.test(operation.path));
        if (!match) return {};
        const [, table, childTable] = match;
        return { id: await idsOf(table), ...(childTable ? { childId: await idsOf(childTable) } : {}) };
      };
      /** The versions the operation's records are at now, so a generated `version` often matches. */
      const versionsFor = async (operation: Operation): Promise<number[]> => {
        const table = operation.path.startsWith('/api/accounts/')
          ? 'users'
          : PATH_TABLES.find(([prefix]) => prefix.test(operation.path))?.[1];
        if (!table || !VERSIONED.includes(table)) return [1, 2, 3, 4, 5];
        const { rows } = await sql<{ version: number }>`select distinct version from ${sql.table(table)}`.execute(db);
        return [1, ...rows.map((row) => row.version)];
      };
      const allIds = Array.from({ length: world.maxRecordId }, (_, i) => i + 1);
      const baseHints = {
        ids: allIds,
        versions: [1, 2, 3, 4, 5],
        byField: PLAUSIBLE_FIELDS,
        freeJsonBodies: policyBodies(),
        files: uploadFiles(),
      };

      const findings: Finding[] = [];
      const statuses = new Map<string, number>();
      /** Per operation, how many generated requests it carried out: the campaign's reach past validation. */
      const carriedOut = new Map<string, number>(operations.map((operation) => [operationName(operation), 0]));
      let sent = 0;

      let before: StoreFingerprint = await fingerprintStore(db, tables);
      let lastAuditId = (await auditPage(db, 0, 1_000_000)).at(-1)?.id ?? 0;
      const started = Date.now();

      for (const [index, operation] of operations.entries()) {
        const name = operationName(operation);
        const hints: RequestHints = {
          ...baseHints,
          pathIds: await pathIdsFor(operation),
          versions: await versionsFor(operation),
        };
        for (const [callerIndex, caller] of callers.entries()) {
          const requests = fc.sample(hostileRequest(operation, hints), {
            seed: SEED + index * 100 + callerIndex,
            numRuns: RUNS,
          });
          for (const request of requests) {
            const sentAt = performance.now();
            const response = await t.app.inject({
              method: request.method,
              url: request.url,
              headers: headersFor(request, caller),
              ...(request.payload === undefined ? {} : { payload: request.payload }),
            });
            sent++;
            const statusClass = `${Math.floor(response.statusCode / 100)}xx`;
            statuses.set(statusClass, (statuses.get(statusClass) ?? 0) + 1);
            if (response.statusCode < 300) carriedOut.set(name, carriedOut.get(name)! + 1);
            const report = (problem: string) =>
              findings.push({
                caller: caller.name,
                request: `${request.method} ${request.url.slice(0, 200)}`,
                variant: request.variant,
                status: response.statusCode,
                problem,
                payload: String(request.payload ?? '').slice(0, 300),
                body: response.body.slice(0, 300),
              });
            if (response.statusCode >= 500) report('5xx');
            // A request that holds the server for seconds is a denial of service, whatever it answers.
            const ms = performance.now() - sentAt;
            const slowByDesign = response.statusCode < 300 && SLOW_BY_DESIGN.test(request.url);
            if (ms > (slowByDesign ? SLOW_DOCUMENT_MS : SLOW_MS)) report(`slow: ${Math.round(ms)} ms`);
            const leaks = leaksIn(response.body);
            if (leaks.length) report(`leak: ${leaks.join(', ')}`);

            const after = await fingerprintStore(db, tables);
            const appended = await auditPage(db, lastAuditId, 1_000);
            lastAuditId = appended.at(-1)?.id ?? lastAuditId;
            if (response.statusCode >= 300) {
              const changed = changedTables(before, after);
              if (changed.length) report(`refused, yet stored: ${changed.join('; ')}`);
              const okEntries = appended.filter((entry) => entry.outcome === 'ok').map((entry) => entry.action);
              if (okEntries.length) report(`refused, yet audited as done: ${okEntries.join(', ')}`);
            }
            before = after;
          }
        }
      }

      const seconds = (Date.now() - started) / 1000;
      console.log(
        `hostile input (${dialect}, seed ${SEED}): ${sent} requests over ${operations.length} operations × ${callers.length} callers in ${seconds.toFixed(1)} s; ` +
          [...statuses].map(([status, count]) => `${status} ${count}`).join(', ')
      );
      const neverCarriedOut = [...carriedOut].filter(([, count]) => count === 0).map(([operation]) => operation);
      console.log(`operations no generated request carried out: ${neverCarriedOut.join(', ') || 'none'}`);
      if (process.env.GOVINFO_PROOF_VERBOSE) console.table(Object.fromEntries(carriedOut));
      expect(findings.slice(0, 20)).toEqual([]);
      expect(await verifyAudit(db)).toMatchObject({ ok: true });
      expect(sent).toBeGreaterThanOrEqual(operations.length * callers.length * RUNS);
    },
    Math.max(1_200_000, RUNS * 40_000)
  );
});

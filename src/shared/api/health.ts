/** Liveness probes. */
import { Type, type Static } from '@sinclair/typebox';

/** GET /api/ping */
export const Ping = Type.Object({ status: Type.Literal('ok') });

/** GET /api/health: 200 when the database answers, 503 when it does not. */
export const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  database: Type.Union([Type.Literal('reachable'), Type.Literal('unreachable')]),
});
export type Health = Static<typeof Health>;

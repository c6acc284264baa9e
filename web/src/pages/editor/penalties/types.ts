/** 扣分记录 as GET /api/penalties returns them, and what POST /api/penalties takes, as the server declares them. */
import type { PenaltyBody } from '@shared/api/solicitations';

export type { Penalty } from '@shared/api/solicitations';

export type PenaltyInput = PenaltyBody;

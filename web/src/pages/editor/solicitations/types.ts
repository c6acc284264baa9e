/** 约稿 as GET /api/solicitations returns them to the district office, and what the editor's form sends. */
import type { DistrictSolicitation, SolicitationBody } from '@shared/api/solicitations';

export type { AnswerState } from '@domain/solicitation-answers';

export type Solicitation = DistrictSolicitation;

/** POST /api/solicitations; no `unitIds` means every unit. */
export type SolicitationInput = SolicitationBody;

/** How the editor names the units a solicitation targets. */
export type TargetMode = 'all' | 'series' | 'units';

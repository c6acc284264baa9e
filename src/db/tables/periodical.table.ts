import type { Generated, Selectable } from 'kysely';

/** 刊物: a periodical of the district office, recording its adoptions in one outlet of the policy. */
export interface PeriodicalTable {
  id: Generated<number>;
  /** e.g. 番府信息 (the masthead, in red). */
  name: string;
  /** e.g. 政务动态; null when the periodical has none. */
  subtitle: string | null;
  /** The policy's outlet key its adoptions are recorded in (dynamic, report). */
  outlet: string;
  /** The issuing office printed on the masthead. */
  issuer: string;
  sort_order: number;
  /** Optimistic locking: the editor changes a periodical's settings (刊物设置). */
  version: Generated<number>;
}

/** 一期: numbered per periodical and year; draft → submitted → approved → published (or returned, withdrawn). */
export interface PeriodicalIssueTable {
  id: Generated<number>;
  periodical_id: number;
  year: number;
  number: number;
  date: string;
  status: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  version: Generated<number>;
}

/** An item in an issue, in order, with its edited text; the unit's original stays on the item. */
export interface PeriodicalIssueItemTable {
  id: Generated<number>;
  issue_id: number;
  item_id: number;
  position: number;
  title: string;
  body: string;
  kind: string | null;
  adoption_id: number | null;
}

/** An issue's history: create, save, submit, return (with the leader's comment), approve, publish, withdraw. */
export interface PeriodicalIssueEventTable {
  id: Generated<number>;
  issue_id: number;
  at: string;
  actor_id: number | null;
  actor: string;
  action: string;
  comment: string | null;
}

export type PeriodicalRow = Selectable<PeriodicalTable>;
export type PeriodicalIssueRow = Selectable<PeriodicalIssueTable>;
export type PeriodicalIssueItemRow = Selectable<PeriodicalIssueItemTable>;
export type PeriodicalIssueEventRow = Selectable<PeriodicalIssueEventTable>;

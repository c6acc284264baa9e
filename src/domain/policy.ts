import { isIsoDate, type IsoDate } from './dates.js';

/**
 * Points for an event: one number, or one number per kind of item
 * (综合调研 / 标题信息 / 短波信息) where the policy distinguishes them.
 */
export type PointValue = number | Record<string, number>;

/** An outlet (采用载体) of the district office: the portal, 《番府信息》, 《番府信息上报》. */
export interface OutletRule {
  /** Chinese name shown to users. */
  name: string;
  /** Points for an adoption; a per-kind table when the outlet grades items by kind. */
  points: PointValue;
  /** Whether a district leader's instruction (区领导批示) on an item adopted here earns the bonus. */
  instructionBonus: boolean;
  /** Whether adoption here makes the item eligible for the upward bonus (上报省、市被采用). */
  upwardEligible: boolean;
  /**
   * Whether the outlet publishes to the public (the portal's 政务公开 column), so an item marked
   * 不予公开 never goes there. Absent in policies stored before the property existed: see `isPublicOnlyOutlet`.
   */
  publicOnly?: boolean;
}

/** Series targets (工作指标); `quarterly: null` means the series is assessed only by year. */
export interface SeriesTarget {
  name: string;
  quarterly: number | null;
  annual: number;
}

/** Values of one upward level (市政府办公厅 / 省政府办公厅以上). */
export interface UpwardLevelRule {
  name: string;
  /** Adoption at this level; a per-kind table defaults to the item's own kind. */
  adoption: PointValue;
  /** An instruction by a leader at this level or above. */
  instruction: number;
}

/**
 * A versioned policy record: every number the scoring uses, so a later version of the
 * rules, or another district's, is data rather than code.
 */
export interface Policy {
  /** Stable name, e.g. `panyu-2010`. */
  name: string;
  /** The document that issued it, e.g. 番府办〔2010〕12号. */
  title: string;
  /** First date on which the policy scores bookings. */
  effectiveFrom: IsoDate;
  /** Chinese names of item kinds (research 综合调研类 …). */
  kinds: Record<string, string>;
  outlets: Record<string, OutletRule>;
  /** The once-per-item bonus for a 区领导批示 on an item adopted by an instruction-bonus outlet. */
  districtInstruction: number;
  upward: Record<string, UpwardLevelRule>;
  solicitation: {
    /** An on-time solicited item adopted by any outlet. */
    answered: number;
    /** A targeted unit with no on-time answer, booked on the deadline. */
    missed: number;
  };
  /** Manual deductions by reason code, with negative points. */
  penalties: Record<string, { name: string; points: number }>;
  series: Record<string, SeriesTarget>;
  /**
   * 信息员 staffing each series requires (二(二)): 镇街 and 工作部门 在编公务员, others 正式编制人员.
   * Staffing codes: civil_servant, permanent, other. Absent: no requirement.
   */
  officerStaffing?: Record<string, string[]>;
  /**
   * How many consecutive failed quarters bring 通报批评分管领导和信息员 (建议更换信息员); absent in
   * older records, which mean four (assessment-notices.ts).
   */
  failedStreakNotice?: number;
}

/**
 * The policy in force on `date`: the one with the latest `effectiveFrom` not after it.
 * `policies` may be in any order. Returns undefined before the earliest policy.
 */
export function policyInForce(policies: readonly Policy[], date: IsoDate): Policy | undefined {
  let best: Policy | undefined;
  for (const policy of policies) {
    if (policy.effectiveFrom <= date && (!best || policy.effectiveFrom > best.effectiveFrom)) best = policy;
  }
  return best;
}

/** The earliest effective date of any policy; records dated before it are refused. */
export function earliestPolicyDate(policies: readonly Policy[]): IsoDate | undefined {
  let earliest: IsoDate | undefined;
  for (const policy of policies) if (!earliest || policy.effectiveFrom < earliest) earliest = policy.effectiveFrom;
  return earliest;
}

/**
 * The policy whose targets assess a period ending on `periodEnd`: the one in force on that
 * day, or the earliest policy for periods that end before any is in force. A quarter only
 * partly under a policy (Q2 2010) is assessed with its full target (scoring.md).
 */
export function policyForPeriod(policies: readonly Policy[], periodEnd: IsoDate): Policy {
  const inForce = policyInForce(policies, periodEnd);
  if (inForce) return inForce;
  const earliest = [...policies].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))[0];
  if (!earliest) throw new Error('no policy is stored');
  return earliest;
}

/** Points of a value for a kind; undefined when the value is graded by kind and the kind is unknown. */
export function pointsFor(value: PointValue, kind: string | null | undefined): number | undefined {
  if (typeof value === 'number') return value;
  return kind ? value[kind] : undefined;
}

/** Whether an outlet scores adoptions by the item's kind (a per-kind points table, as 《番府信息上报》), so an adoption there names its kind. */
export function outletGradesByKind(outlet: Pick<OutletRule, 'points'>): boolean {
  return typeof outlet.points === 'object';
}

/**
 * The outlet code that was public-only before outlets said so: panyu-2010 as first stored has no
 * `publicOnly`, and its portal always refused non-public items. Reading the property with this
 * default keeps those stored records behaving as before without a migration.
 */
const PUBLIC_ONLY_BEFORE_THE_PROPERTY = 'portal';

/** Whether an outlet of one policy takes public items only (`publicOnly`, defaulting as above). */
export function outletIsPublicOnly(code: string, outlet: Pick<OutletRule, 'publicOnly'>): boolean {
  return outlet.publicOnly ?? code === PUBLIC_ONLY_BEFORE_THE_PROPERTY;
}

/**
 * The names of the outlets some version of the policy marks with `property`, joined as a sentence
 * says them: 《番府信息》(政务动态)或《番府信息上报》 (messages name the district's own outlets).
 */
export function outletNamesWith(
  policies: readonly Pick<Policy, 'outlets'>[],
  property: 'instructionBonus' | 'upwardEligible'
): string {
  return [
    ...new Set(
      policies.flatMap((p) =>
        Object.values(p.outlets)
          .filter((o) => o[property])
          .map((o) => o.name)
      )
    ),
  ].join('或');
}

/** Whether an item marked 不予公开 is refused by an outlet: any version defining the outlet says it is public-only. */
export function isPublicOnlyOutlet(policies: readonly Pick<Policy, 'outlets'>[], code: string): boolean {
  return policies.some((policy) => {
    const outlet = policy.outlets[code];
    return outlet !== undefined && outletIsPublicOnly(code, outlet);
  });
}

/**
 * Checks a policy document read from JSON and returns it typed, or the list of problems
 * (field path and what is wrong), so a bad policy file never reaches the database.
 */
export function parsePolicy(input: unknown): { policy: Policy } | { problems: string[] } {
  const problems: string[] = [];
  const at = (path: string, message: string) => problems.push(`${path} ${message}`);
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
  const checkPointValue = (path: string, v: unknown) => {
    if (isInt(v)) return;
    if (isObject(v) && Object.keys(v).length > 0 && Object.values(v).every(isInt)) return;
    at(path, '应为整数，或按信息类型给出整数的非空对象');
  };
  const checkTable = (path: string, v: unknown, checkEntry: (path: string, entry: Record<string, unknown>) => void) => {
    if (!isObject(v) || Object.keys(v).length === 0) return at(path, '应为非空对象');
    for (const [key, entry] of Object.entries(v)) {
      if (!isObject(entry)) at(`${path}.${key}`, '应为对象');
      else checkEntry(`${path}.${key}`, entry);
    }
  };
  const checkName = (path: string, entry: Record<string, unknown>) => {
    if (typeof entry.name !== 'string' || entry.name.trim() === '') at(`${path}.name`, '应为非空字符串');
  };

  if (!isObject(input)) return { problems: ['policy: 应为 JSON 对象'] };
  if (typeof input.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(input.name))
    at('name', '应由小写字母、数字和连字符组成');
  if (typeof input.title !== 'string' || input.title.trim() === '') at('title', '应为非空字符串');
  if (!isIsoDate(input.effectiveFrom)) at('effectiveFrom', '应为日期 YYYY-MM-DD');
  if (!isObject(input.kinds) || !Object.values(input.kinds).every((v) => typeof v === 'string'))
    at('kinds', '应为信息类型代码到名称的对象');
  checkTable('outlets', input.outlets, (path, outlet) => {
    checkName(path, outlet);
    checkPointValue(`${path}.points`, outlet.points);
    if (typeof outlet.instructionBonus !== 'boolean') at(`${path}.instructionBonus`, '应为 true 或 false');
    if (typeof outlet.upwardEligible !== 'boolean') at(`${path}.upwardEligible`, '应为 true 或 false');
    if (outlet.publicOnly !== undefined && typeof outlet.publicOnly !== 'boolean')
      at(`${path}.publicOnly`, '应为 true 或 false');
  });
  if (!isInt(input.districtInstruction)) at('districtInstruction', '应为整数');
  checkTable('upward', input.upward, (path, level) => {
    checkName(path, level);
    checkPointValue(`${path}.adoption`, level.adoption);
    if (!isInt(level.instruction)) at(`${path}.instruction`, '应为整数');
  });
  if (!isObject(input.solicitation) || !isInt(input.solicitation.answered) || !isInt(input.solicitation.missed)) {
    at('solicitation', '应包含整数 answered 和 missed');
  }
  checkTable('penalties', input.penalties, (path, penalty) => {
    checkName(path, penalty);
    if (!isInt(penalty.points)) at(`${path}.points`, '应为整数');
  });
  checkTable('series', input.series, (path, series) => {
    checkName(path, series);
    if (series.quarterly !== null && !isInt(series.quarterly)) at(`${path}.quarterly`, '应为整数或 null');
    if (!isInt(series.annual)) at(`${path}.annual`, '应为整数');
  });
  if (
    input.officerStaffing !== undefined &&
    (!isObject(input.officerStaffing) ||
      !Object.values(input.officerStaffing).every((v) => Array.isArray(v) && v.every((x) => typeof x === 'string')))
  ) {
    at('officerStaffing', '应为序列到编制类别列表的对象');
  }
  if (input.failedStreakNotice !== undefined && (!isInt(input.failedStreakNotice) || input.failedStreakNotice < 1))
    at('failedStreakNotice', '应为正整数');
  return problems.length > 0 ? { problems } : { policy: input as unknown as Policy };
}

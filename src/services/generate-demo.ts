import { addDays, type IsoDate } from '../domain/dates.js';

/** A unit the generator writes records for. */
export interface DemoUnit {
  name: string;
  series: string;
}

export interface DemoOptions {
  /** The year, or years, to fill. */
  year: number | number[];
  units: readonly DemoUnit[];
  /** Same seed, same ledger. */
  seed: number;
  /** Multiplies the number of items every unit submits (1 = a realistic district year). */
  intensity?: number;
  /** Prefix of every record id, so generated ledgers never collide with real ones. */
  idPrefix?: string;
  /**
   * Items with a body, and a few sent by two units with the same body (联合报送 or a copy), as an
   * office receives them. Off for the benchmarks, which measure the ledger's numbers, not its text.
   */
  withText?: boolean;
}

/** Items a unit submits per quarter on average, by series, before its own diligence. */
const ITEMS_PER_QUARTER: Record<string, number> = { town: 5, dept_a: 5, dept_b: 3.5, direct: 0.6 };

const TOPICS = [
  '扎实推进防汛防风工作',
  '开展安全生产大检查',
  '加快推进“三旧”改造',
  '创新社会管理服务',
  '推进基层党风廉政建设',
  '做好亚运城市环境整治',
  '促进农村集体经济发展',
  '加强食品安全监管',
  '推进政务公开和政府信息公开',
  '开展春运交通保障',
  '深化行政审批制度改革',
  '加强外来人员服务管理',
  '推进垃圾分类处理',
  '做好困难群众帮扶',
  '推动产业转型升级',
  '开展打击走私专项行动',
  '推进河涌综合整治',
  '加强基层医疗卫生服务',
  '落实节能减排目标',
  '推进招商引资重点项目',
];
/** How a unit words a report on a topic: with the topic, titles vary as real ones do, rather than repeat. */
const ANGLES = [
  '召开专题会议部署',
  '多措并举',
  '强化督导检查',
  '创新工作机制',
  '全力以赴',
  '压实工作责任',
  '聚焦重点环节',
  '党建引领',
  '精准施策',
  '凝聚部门合力',
  '立足早谋划早落实',
  '以点带面',
];
/** Sentences of a body; `#` becomes a number. */
const SENTENCES = [
  '共出动工作人员#人次',
  '排查各类隐患#处，已整改#处',
  '召开专题会议#次，印发工作方案#份',
  '走访群众和企业#户',
  '投入资金#万元',
  '组织培训#场，参训人员#人',
  '发放宣传资料#份',
  '受理群众诉求#件，办结率#%',
  '建立工作台账#本，明确责任人#名',
  '开展联合执法#次',
  '完成项目#个，惠及群众#人',
  '设立服务点#个',
];
const CLOSINGS = [
  '下一步，将持续跟踪落实，巩固工作成效。',
  '下一步，将总结经验做法，建立长效机制。',
  '下一步，将加强督查考核，确保各项措施落到实处。',
];

const CATEGORIES = [
  '重大决策贯彻落实',
  '领导批示及落实',
  '经济社会发展重要情况',
  '区政府重要会议',
  '领导指导意见',
  '社会动态与苗头性问题',
  '本单位主要工作进展',
  '新思路新做法新经验',
  '网络舆情',
  '上级约稿',
  '应急信息',
];

/** mulberry32: a small seeded generator, so a demo ledger is reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic ledger in the JSON Lines form: items with adoptions, instructions and upward
 * adoption, solicitations with answers (some late, some missing), and a few deductions.
 * Units differ in diligence, so some meet every target and some miss quarters.
 */
export function generateDemoLedger(options: DemoOptions): Record<string, unknown>[] {
  const rand = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const chance = (p: number) => rand() < p;
  const prefix = options.idPrefix ?? 'D';
  const years = Array.isArray(options.year) ? options.year : [options.year];
  const intensity = options.intensity ?? 1;
  const records: Record<string, unknown>[] = [];
  const counters = new Map<string, number>();
  const nextId = (letter: string) => {
    const n = (counters.get(letter) ?? 0) + 1;
    counters.set(letter, n);
    return `${prefix}${letter}${n}`;
  };
  const dateIn = (year: number, quarter: number, lastDay = 90): IsoDate =>
    addDays(`${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`, Math.floor(rand() * lastDay));
  const diligence = new Map(options.units.map((u) => [u.name, 0.35 + rand() * 1.3]));
  // Wording has its own generator: the same seed gives the same records and points with or without text.
  const wording = random(options.seed ^ 0x5bd1e995);
  const word = <T>(list: readonly T[]): T => list[Math.floor(wording() * list.length)];
  const number = () => String(2 + Math.floor(wording() * 480));
  const bodyOf = (unit: string, angle: string, topic: string) => {
    const sentences = [...SENTENCES]
      .sort(() => wording() - 0.5)
      .slice(0, 3)
      .map((s) => s.replace(/#/g, number));
    return `${unit}${angle}${topic}。${sentences.join('；')}。${word(CLOSINGS)}`;
  };

  for (const year of years) {
    const yearEnd = `${year}-12-31`;
    const within = (date: IsoDate) => (date > yearEnd ? yearEnd : date);

    const addItem = (unit: DemoUnit, submitted: IsoDate) => {
      const id = nextId('I');
      const topic = pick(TOPICS);
      const angle = word(ANGLES);
      const body = options.withText ? bodyOf(unit.name, angle, topic) : undefined;
      records.push({
        type: 'item',
        id,
        unit: unit.name,
        title: `${unit.name}${angle}${topic}（政务信息）`,
        submitted,
        category: pick(CATEGORIES),
        ...(body ? { body } : {}),
      });
      // Now and then a second unit sends the same text (a joint report, or a copy): a duplicate to catch.
      if (body && wording() < 0.004) {
        const other = word(options.units.filter((u) => u.name !== unit.name));
        records.push({
          type: 'item',
          id: nextId('I'),
          unit: other.name,
          title: `${other.name}${word(ANGLES)}${topic}（政务信息）`,
          submitted: within(addDays(submitted, Math.floor(wording() * 4))),
          category: word(CATEGORIES),
          body,
        });
      }
      let reportDate: IsoDate | null = null;
      let hasBonusOutlet = false;
      if (chance(0.5))
        records.push({
          type: 'adoption',
          id: nextId('A'),
          item: id,
          outlet: 'portal',
          date: within(addDays(submitted, 1 + Math.floor(rand() * 4))),
        });
      if (chance(0.35)) {
        records.push({
          type: 'adoption',
          id: nextId('A'),
          item: id,
          outlet: 'dynamic',
          date: within(addDays(submitted, 2 + Math.floor(rand() * 6))),
        });
        hasBonusOutlet = true;
      }
      if (chance(0.3)) {
        reportDate = within(addDays(submitted, 3 + Math.floor(rand() * 8)));
        const kind = chance(0.2) ? 'research' : chance(0.5) ? 'headline' : 'brief';
        records.push({ type: 'adoption', id: nextId('A'), item: id, outlet: 'report', kind, date: reportDate });
        hasBonusOutlet = true;
      }
      if (hasBonusOutlet && chance(0.08)) {
        records.push({
          type: 'instruction',
          id: nextId('N'),
          item: id,
          level: 'district',
          date: within(addDays(submitted, 5 + Math.floor(rand() * 20))),
          leader: '区长',
        });
      }
      if (reportDate && chance(0.15))
        records.push({
          type: 'upward',
          id: nextId('U'),
          item: id,
          level: 'city',
          date: within(addDays(reportDate, 10 + Math.floor(rand() * 30))),
        });
      if (reportDate && chance(0.03))
        records.push({
          type: 'upward',
          id: nextId('U'),
          item: id,
          level: 'province',
          date: within(addDays(reportDate, 20 + Math.floor(rand() * 40))),
        });
      if (reportDate && chance(0.02))
        records.push({
          type: 'instruction',
          id: nextId('N'),
          item: id,
          level: chance(0.7) ? 'city' : 'province',
          date: within(addDays(reportDate, 15 + Math.floor(rand() * 30))),
          leader: '副市长',
        });
      return id;
    };

    for (let quarter = 1; quarter <= 4; quarter++) {
      for (const unit of options.units) {
        const mean = (ITEMS_PER_QUARTER[unit.series] ?? 3) * diligence.get(unit.name)! * intensity;
        const count = Math.max(0, Math.round(mean + (rand() - 0.5) * mean * 0.6));
        for (let i = 0; i < count; i++) addItem(unit, dateIn(year, quarter, quarter === 4 ? 80 : 90));
      }
      // Two solicitations a quarter: one to every unit, one to a few; most answer in time, some late, some never.
      for (const isForAll of [true, false]) {
        const id = nextId('S');
        const deadline = dateIn(year, quarter, 75);
        const targets = isForAll ? options.units : options.units.filter(() => chance(0.2));
        if (targets.length === 0) continue;
        records.push({
          type: 'solicitation',
          id,
          issuer: chance(0.3) ? 'city' : 'district',
          title: `关于报送${pick(TOPICS).slice(2)}情况的约稿`,
          deadline,
          ...(isForAll ? {} : { units: targets.map((u) => u.name) }),
        });
        for (const unit of targets) {
          const answerChance = Math.min(0.97, 0.55 + 0.3 * diligence.get(unit.name)!);
          if (!chance(answerChance)) continue;
          const submitted = chance(0.9)
            ? addDays(deadline, -Math.floor(rand() * 10))
            : addDays(deadline, 1 + Math.floor(rand() * 5));
          records.push({ type: 'response', id: nextId('R'), solicitation: id, item: addItem(unit, within(submitted)) });
        }
      }
    }
    for (let i = 0; i < Math.max(2, Math.round(options.units.length / 30)); i++) {
      records.push({
        type: 'penalty',
        id: nextId('P'),
        unit: pick(options.units).name,
        reason: 'criticism',
        date: dateIn(year, 1 + Math.floor(rand() * 4)),
        note: '信息报送迟报、漏报，受区政府办公室通报批评',
      });
    }
  }
  return records;
}

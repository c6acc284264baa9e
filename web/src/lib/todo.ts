/**
 * What needs a user's action today, by role: the dashboard lists all of it, the bell the
 * notifications among it (unread 信息工作通知 too). Items, solicitations and notices are named
 * by their titles, never by ids.
 */
import type { Role } from '@shared/roles';
import type { IssueSummary, Periodical } from '@shared/api/periodicals';
import type { NoticeList } from '@shared/api/notices';
import type { UnitReviewers, UnitsWithoutReviewer } from '@shared/api/review';
import { pathOf } from '../access';
import { http, query } from '../http';

export interface Todo {
  key: string;
  /** Shown in the notification bell as well as on the dashboard. */
  notify: boolean;
  title: string;
  description: string;
  link: string;
  level: 'urgent' | 'normal' | 'info';
}

interface ItemPage {
  total: number;
  items: { id: number; title: string }[];
}
interface UnitSolicitation {
  id: number;
  title: string;
  deadline: string;
  daysLeft: number;
  state: string;
}
interface DistrictSolicitation {
  id: number;
  title: string;
  deadline: string;
  daysLeft: number;
  counts: Record<string, number>;
}
interface Publication {
  id: number;
  year: number;
  quarter: number;
  status: string;
  approvedAt: string | null;
  preparedAt: string;
  returnComment?: string | null;
}

/** Solicitations this close to their deadline are called out (and rung in the bell). */
export const DEADLINE_WARNING_DAYS = 3;
/** Results published this recently are announced. */
const RECENT_RESULT_DAYS = 14;
/** Up to this many items are listed one by one, by title; more are counted. */
const ITEMS_BY_TITLE = 5;

type ItemTodo = Omit<Todo, 'key' | 'title' | 'link'> & {
  one(title: string): string;
  many(n: number): string;
  link(id: number): string;
  listLink: string;
};

/** Items of a state: each by its title when few, else their count. */
async function itemsIn(status: string, todo: ItemTodo): Promise<Todo[]> {
  const page = await http.get<ItemPage>(`/api/items${query({ status, pageSize: ITEMS_BY_TITLE })}`, { quiet: true });
  const { one, many, link, listLink, ...rest } = todo;
  if (page.total > ITEMS_BY_TITLE)
    return [{ key: `items-${status}`, ...rest, title: many(page.total), link: listLink }];
  return page.items.map((item) => ({
    key: `item-${status}-${item.id}`,
    ...rest,
    title: one(item.title),
    link: link(item.id),
  }));
}

const itemPage = (id: number) => pathOf('itemDetail', { id });

async function unitItemTodos(role: Role): Promise<Todo[]> {
  const parts: Promise<Todo[]>[] = [];
  if (role === 'officer') {
    parts.push(
      itemsIn('returned', {
        notify: true,
        level: 'urgent',
        one: (t) => `“${t}”被退回修改`,
        many: (n) => `${n} 篇稿件被退回修改`,
        description: '按退回意见修改后重新提交',
        link: (id) => pathOf('itemEdit', { id }),
        listLink: `${pathOf('unitItems')}?status=returned`,
      }),
      itemsIn('draft', {
        notify: false,
        level: 'normal',
        one: (t) => `草稿“${t}”尚未提交审核`,
        many: (n) => `${n} 篇草稿尚未提交审核`,
        description: '完善后提交本单位领导审核',
        link: (id) => pathOf('itemEdit', { id }),
        listLink: `${pathOf('unitItems')}?status=draft`,
      })
    );
  } else {
    parts.push(
      itemsIn('returned', {
        notify: false,
        level: 'info',
        one: (t) => `“${t}”已退回信息员修改`,
        many: (n) => `${n} 篇稿件已退回信息员修改`,
        description: '信息员修改后会重新提交审核',
        link: itemPage,
        listLink: `${pathOf('unitItems')}?status=returned`,
      })
    );
  }
  if (role === 'reviewer') {
    parts.push(
      itemsIn('unit_review', {
        notify: true,
        level: 'urgent',
        one: (t) => `“${t}”待您审核`,
        many: (n) => `${n} 篇稿件待您审核`,
        description: '审核通过或退回修改',
        link: itemPage,
        listLink: pathOf('review'),
      })
    );
  }
  if (role === 'principal') {
    parts.push(
      itemsIn('awaiting_signature', {
        notify: true,
        level: 'urgent',
        one: (t) => `“${t}”待您签发`,
        many: (n) => `${n} 篇重大或敏感稿件待您签发`,
        description: '须先登记书面稿件，再由主要领导签发',
        link: itemPage,
        listLink: pathOf('review'),
      })
    );
    // Without a reviewer account the principal reviews ordinary items too, so they never wait silently.
    const { reviewedBy } = await http.get<UnitReviewers>('/api/units/mine/reviewers', { quiet: true });
    if (reviewedBy === 'principal') {
      parts.push(
        itemsIn('unit_review', {
          notify: true,
          level: 'urgent',
          one: (t) => `“${t}”待您审核`,
          many: (n) => `${n} 篇稿件待您审核`,
          description: '本单位未登记分管领导账号，由您审核',
          link: itemPage,
          listLink: pathOf('review'),
        })
      );
    }
  }
  return (await Promise.all(parts)).flat();
}

async function districtItemTodos(role: Role): Promise<Todo[]> {
  if (role !== 'editor') return [];
  const count = (status: string) =>
    http.get<ItemPage>(`/api/items${query({ status, pageSize: 1 })}`, { quiet: true }).then((p) => p.total);
  const [submitted, received] = await Promise.all([count('submitted'), count('received')]);
  const todos: Todo[] = [];
  if (submitted > 0)
    todos.push({
      key: 'items-submitted',
      notify: true,
      level: 'urgent',
      title: `${submitted} 篇新报送稿件待接收`,
      description: '接收后决定采用、不采用或退回',
      link: `${pathOf('inbox')}?status=submitted`,
    });
  if (received > 0)
    todos.push({
      key: 'items-received',
      notify: false,
      level: 'normal',
      title: `${received} 篇已接收稿件待处理`,
      description: '采用到载体，或说明不采用的理由',
      link: `${pathOf('inbox')}?status=received`,
    });
  return todos;
}

/** The countdown of a solicitation's deadline in words. */
export function deadlineText(daysLeft: number): string {
  return daysLeft === 0 ? '今天截止' : `还有 ${daysLeft} 天截止`;
}

async function solicitationTodos(role: Role): Promise<Todo[]> {
  if (role === 'officer' || role === 'reviewer' || role === 'principal') {
    const list = await http.get<UnitSolicitation[]>('/api/solicitations', { quiet: true });
    // Every open one, soonest first; the last three days are urgent and rung in the bell.
    return list
      .filter((s) => s.state === 'pending' && s.daysLeft >= 0)
      .sort((a, b) => a.daysLeft - b.daysLeft)
      .map((s) => {
        const near = s.daysLeft <= DEADLINE_WARNING_DAYS;
        return {
          key: `solicitation-${s.id}`,
          notify: near,
          level: near ? ('urgent' as const) : ('normal' as const),
          title: `约稿“${s.title}”${deadlineText(s.daysLeft)}`,
          description: `截止日期 ${s.deadline}，逾期未报每次扣 5 分`,
          link: pathOf('unitSolicitations'),
        };
      });
  }
  if (role === 'editor') {
    const list = await http.get<DistrictSolicitation[]>('/api/solicitations', { quiet: true });
    return list
      .filter((s) => s.daysLeft >= 0 && s.daysLeft <= DEADLINE_WARNING_DAYS && (s.counts.pending ?? 0) > 0)
      .map((s) => ({
        key: `solicitation-${s.id}`,
        notify: true,
        level: 'normal' as const,
        title: `约稿“${s.title}”${s.daysLeft === 0 ? '今天截止' : `${s.daysLeft} 天后截止`}`,
        description: `尚有 ${s.counts.pending} 个单位未报送`,
        link: pathOf('editorSolicitations'),
      }));
  }
  return [];
}

const quarterName = (p: Publication) => `${p.year} 年第 ${p.quarter} 季度考核结果`;

async function resultTodos(role: Role, today: string): Promise<Todo[]> {
  if (!['officer', 'reviewer', 'principal', 'editor', 'office_leader'].includes(role)) return [];
  const list = await http.get<Publication[]>('/api/results', { quiet: true });
  const todos: Todo[] = [];
  const link = (p: Publication) => `${pathOf('results')}?id=${p.id}`;
  for (const p of list) {
    if (p.status === 'pending' && role === 'office_leader') {
      todos.push({
        key: `result-${p.id}`,
        notify: true,
        level: 'urgent',
        title: `${quarterName(p)}待审批`,
        description: '审批后向各单位发布；有问题可退回调研科修改',
        link: link(p),
      });
    }
    if (p.status === 'returned' && role === 'editor') {
      todos.push({
        key: `result-${p.id}`,
        notify: true,
        level: 'urgent',
        title: `${quarterName(p)}被退回修改`,
        description: `办公室领导意见：${p.returnComment ?? '—'}`,
        link: link(p),
      });
    }
    const daysSince = p.approvedAt
      ? (Date.parse(today) - Date.parse(p.approvedAt.slice(0, 10))) / 86_400_000
      : Infinity;
    if (p.status === 'published' && daysSince <= RECENT_RESULT_DAYS) {
      todos.push({
        key: `result-${p.id}`,
        notify: true,
        level: 'info',
        title: `${quarterName(p)}已发布`,
        description: `发布于 ${p.approvedAt!.slice(0, 10)}`,
        link: link(p),
      });
    }
  }
  return todos;
}

/** Units whose items wait in unit review with nobody registered to review them. */
async function unreviewedUnitTodos(role: Role): Promise<Todo[]> {
  if (role !== 'sys_admin' && role !== 'editor') return [];
  const list = await http.get<UnitsWithoutReviewer>('/api/units/without-reviewer', { quiet: true });
  return list.map((u) => ({
    key: `unreviewed-${u.unitId}`,
    notify: role === 'sys_admin',
    level: role === 'sys_admin' ? ('urgent' as const) : ('normal' as const),
    title: `${u.unit}有 ${u.waiting} 篇稿件待单位审核，但没有分管领导账号`,
    description: u.hasPrincipal
      ? '目前由主要领导审核；请为该单位开设分管领导账号'
      : '该单位也没有主要领导账号，稿件无人审核；请尽快开设审核领导账号',
    link: role === 'sys_admin' ? pathOf('accounts') : pathOf('registry'),
  }));
}

/** Issues of the periodicals waiting for this role: the leader's approval, the editor's changes or publishing. */
async function periodicalTodos(role: Role): Promise<Todo[]> {
  if (role !== 'editor' && role !== 'office_leader') return [];
  const [periodicals, issues] = await Promise.all([
    http.get<Periodical[]>('/api/periodicals', { quiet: true }),
    http.get<IssueSummary[]>('/api/periodicals/issues', { quiet: true }),
  ]);
  const name = (id: number) => periodicals.find((p) => p.id === id)?.name ?? '刊物';
  const waiting: Record<string, { title: string; description: string; urgent: boolean }> =
    role === 'office_leader'
      ? { submitted: { title: '待您审批', description: '审批通过或退回修改', urgent: true } }
      : {
          returned: { title: '已被退回修改', description: '按办公室领导的意见修改后重新送审', urgent: true },
          approved: { title: '已审批待发布', description: '发布后为每篇稿件登记采用', urgent: false },
        };
  return issues
    .filter((issue) => waiting[issue.status])
    .map((issue) => ({
      key: `periodical-issue-${issue.id}`,
      notify: waiting[issue.status].urgent,
      level: waiting[issue.status].urgent ? 'urgent' : 'normal',
      title: `《${name(issue.periodicalId)}》${issue.issueLine}${waiting[issue.status].title}`,
      description: waiting[issue.status].description,
      link: pathOf('periodicalIssue', { id: issue.id }),
    }));
}

/** Notices the unit has not confirmed reading: rung in the bell, the reminded ones as urgent. */
async function noticeTodos(role: Role): Promise<Todo[]> {
  if (role !== 'officer' && role !== 'reviewer' && role !== 'principal') return [];
  const list = await http.get<NoticeList>('/api/notices', { quiet: true });
  return list
    .filter((n) => n.postedAt !== null && n.readAt === null)
    .map((n) => ({
      key: `notice-${n.id}`,
      notify: true,
      level: n.remindedAt ? ('urgent' as const) : ('normal' as const),
      title: `通知“${n.title}”待确认已阅`,
      description: n.remindedAt ? '调研科已提醒：请阅读后确认' : `${n.kindName}：阅读后请点“确认已阅”`,
      link: pathOf('noticeDetail', { id: n.id }),
    }));
}

/** Everything that needs this role's attention, most urgent first. */
export async function loadTodos(role: Role, today: string): Promise<Todo[]> {
  const parts = await Promise.all([
    unitItemsIf(role),
    districtItemTodos(role),
    solicitationTodos(role),
    resultTodos(role, today),
    periodicalTodos(role),
    unreviewedUnitTodos(role),
    noticeTodos(role),
  ]);
  const order = { urgent: 0, normal: 1, info: 2 };
  return parts.flat().sort((a, b) => order[a.level] - order[b.level]);
}

function unitItemsIf(role: Role): Promise<Todo[]> {
  return role === 'officer' || role === 'reviewer' || role === 'principal' ? unitItemTodos(role) : Promise.resolve([]);
}

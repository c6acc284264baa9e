/**
 * What needs a user's action today, by role: the dashboard lists all of it, the bell the
 * notifications among it (items returned, solicitations nearing their deadline, results published).
 */
import type { Role } from '@shared/roles';
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

interface ItemPage { total: number; items: { id: number; title: string }[] }
interface UnitSolicitation { id: number; title: string; deadline: string; daysLeft: number; state: string }
interface DistrictSolicitation { id: number; title: string; deadline: string; daysLeft: number; counts: Record<string, number> }
interface Publication { id: number; year: number; quarter: number; status: string; approvedAt: string | null; preparedAt: string }

/** Solicitations this close to their deadline are called out. */
export const DEADLINE_WARNING_DAYS = 3;
/** Results published this recently are announced. */
const RECENT_RESULT_DAYS = 14;

const count = (status: string) => http.get<ItemPage>(`/api/items${query({ status, pageSize: 1 })}`, { quiet: true }).then((p) => p.total);

async function itemTodos(role: Role): Promise<Todo[]> {
  const todos: Todo[] = [];
  const add = async (status: string, todo: (n: number) => Omit<Todo, 'key'>) => {
    const n = await count(status);
    if (n > 0) todos.push({ key: `items-${status}`, ...todo(n) });
  };
  if (role === 'officer') {
    await Promise.all([
      add('returned', (n) => ({ notify: true, level: 'urgent', title: `${n} 篇稿件被退回修改`, description: '按退回意见修改后重新提交', link: `${pathOf('unitItems')}?status=returned` })),
      add('draft', (n) => ({ notify: false, level: 'normal', title: `${n} 篇草稿尚未提交审核`, description: '完善后提交本单位领导审核', link: `${pathOf('unitItems')}?status=draft` })),
    ]);
  }
  if (role === 'reviewer' || role === 'principal') {
    await add('unit_review', (n) => ({ notify: true, level: 'urgent', title: `${n} 篇稿件待审核`, description: '审核通过、退回修改或签发', link: pathOf('review') }));
  }
  if (role === 'principal') {
    await add('awaiting_signature', (n) => ({ notify: true, level: 'urgent', title: `${n} 篇重大或敏感稿件待签发`, description: '须主要领导签发并留存纸质件', link: pathOf('review') }));
  }
  if (role === 'editor') {
    await Promise.all([
      add('submitted', (n) => ({ notify: true, level: 'urgent', title: `${n} 篇新报送稿件待接收`, description: '接收后决定采用、不采用或退回', link: `${pathOf('inbox')}?status=submitted` })),
      add('received', (n) => ({ notify: false, level: 'normal', title: `${n} 篇已接收稿件待处理`, description: '采用到载体，或说明不采用的理由', link: `${pathOf('inbox')}?status=received` })),
    ]);
  }
  return todos;
}

async function solicitationTodos(role: Role): Promise<Todo[]> {
  if (role === 'officer' || role === 'reviewer' || role === 'principal') {
    const list = await http.get<UnitSolicitation[]>('/api/solicitations', { quiet: true });
    return list.filter((s) => s.state === 'pending' && s.daysLeft >= 0 && s.daysLeft <= DEADLINE_WARNING_DAYS).map((s) => ({
      key: `solicitation-${s.id}`, notify: true, level: 'urgent' as const,
      title: `约稿“${s.title}”${s.daysLeft === 0 ? '今天截止' : `还有 ${s.daysLeft} 天截止`}`,
      description: `截止日期 ${s.deadline}，逾期未报每次扣 5 分`, link: pathOf('unitSolicitations'),
    }));
  }
  if (role === 'editor') {
    const list = await http.get<DistrictSolicitation[]>('/api/solicitations', { quiet: true });
    return list.filter((s) => s.daysLeft >= 0 && s.daysLeft <= DEADLINE_WARNING_DAYS && (s.counts.pending ?? 0) > 0).map((s) => ({
      key: `solicitation-${s.id}`, notify: true, level: 'normal' as const,
      title: `约稿“${s.title}”${s.daysLeft === 0 ? '今天截止' : `${s.daysLeft} 天后截止`}`,
      description: `尚有 ${s.counts.pending} 个单位未报送`, link: pathOf('editorSolicitations'),
    }));
  }
  return [];
}

async function resultTodos(role: Role, today: string): Promise<Todo[]> {
  if (!['officer', 'reviewer', 'principal', 'editor', 'office_leader'].includes(role)) return [];
  const list = await http.get<Publication[]>('/api/results', { quiet: true });
  const todos: Todo[] = [];
  for (const p of list) {
    if (p.status === 'prepared' && role === 'office_leader') {
      todos.push({ key: `result-${p.id}`, notify: true, level: 'urgent', title: `${p.year} 年第 ${p.quarter} 季度考核结果待审批`, description: '审批后向各单位发布', link: pathOf('results') });
    }
    const daysSince = p.approvedAt ? (Date.parse(today) - Date.parse(p.approvedAt.slice(0, 10))) / 86_400_000 : Infinity;
    if (p.status === 'published' && daysSince <= RECENT_RESULT_DAYS) {
      todos.push({ key: `result-${p.id}`, notify: true, level: 'info', title: `${p.year} 年第 ${p.quarter} 季度考核结果已发布`, description: `发布于 ${p.approvedAt!.slice(0, 10)}`, link: pathOf('results') });
    }
  }
  return todos;
}

/** Everything that needs this role's attention, most urgent first. */
export async function loadTodos(role: Role, today: string): Promise<Todo[]> {
  const parts = await Promise.all([itemTodos(role), solicitationTodos(role), resultTodos(role, today)]);
  const order = { urgent: 0, normal: 1, info: 2 };
  return parts.flat().sort((a, b) => order[a.level] - order[b.level]);
}

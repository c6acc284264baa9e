/**
 * Column titles of the smaller lists — solicitations, deductions, the registry, trainings — shared
 * by the pages and the 导出Excel workbooks so a header in a file is always the title on screen.
 */
import type { AnswerState } from '../../domain/solicitation-answers.js';

export const ISSUER_LABELS: Record<'district' | 'city', string> = { district: '区政府办公室', city: '市政府办公厅' };

/** How a unit answered a solicitation, in words. */
export const ANSWER_STATE_LABELS: Record<AnswerState, string> = {
  on_time: '按时报送',
  late: '逾期报送',
  missing: '未报送',
  pending: '待报送',
};

/** The target column in words: 全部单位（N） or N 个单位. */
export function solicitationTargetLabel(allUnits: boolean, unitCount: number): string {
  return allUnits ? `全部单位（${unitCount}）` : `${unitCount} 个单位`;
}

export const SOLICITATION_COLUMNS = {
  ref: '编号',
  title: '约稿标题',
  issuer: '约稿方',
  deadline: '截止日期',
  target: '约稿对象',
  counts: '报送情况',
} as const;

/** The second sheet of the solicitations workbook: who answered, one row per solicitation and unit. */
export const SOLICITATION_ANSWER_COLUMNS = {
  ref: '约稿编号',
  title: '约稿标题',
  unit: '单位',
  state: '报送情况',
} as const;

export const PENALTY_COLUMNS = {
  date: '日期',
  unit: '单位',
  reason: '扣分原因',
  points: '分值',
  note: '备注',
  ref: '编号',
} as const;

export const CONTACT_COLUMNS = {
  unit: '单位',
  duty: '职责',
  name: '姓名',
  post: '职务',
  phone: '电话',
  email: '电子邮箱',
  staffing: '编制',
  startedOn: '任职日期',
  noticeDate: '书面告知',
} as const;

export const TRAINING_COLUMNS = {
  date: '日期',
  title: '培训主题',
  organizer: '主办',
  attendees: '参训人数',
} as const;

/** The second sheet of the trainings workbook: who attended. */
export const TRAINING_ATTENDEE_COLUMNS = {
  date: '日期',
  title: '培训主题',
  unit: '单位',
  name: '姓名',
} as const;

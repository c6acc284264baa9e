/**
 * Who may open which page: the one place the web pages decide it, in the server's role names.
 * The server checks every request again; this table only keeps people out of pages whose API
 * would refuse them (test/unit/web-access.test.ts holds each page to its API route's roles).
 */
import type { Role } from '../../src/shared/roles.js';

const UNIT: Role[] = ['officer', 'reviewer', 'principal'];
const DISTRICT: Role[] = ['editor', 'office_leader'];
const ITEM_READERS: Role[] = [...UNIT, ...DISTRICT];

export type PageKey =
  | 'dashboard'
  | 'unitItems'
  | 'itemNew'
  | 'itemEdit'
  | 'itemDetail'
  | 'review'
  | 'unitSolicitations'
  | 'unitNotices'
  | 'noticeDetail'
  | 'progress'
  | 'inbox'
  | 'quarantine'
  | 'editorSolicitations'
  | 'editorNotices'
  | 'penalties'
  | 'scores'
  | 'unitScore'
  | 'results'
  | 'summaries'
  | 'periodicals'
  | 'periodicalIssue'
  | 'units'
  | 'accounts'
  | 'registry'
  | 'trainings'
  | 'policy'
  | 'import'
  | 'security'
  | 'audit'
  | 'outbox'
  | 'password'
  | 'totp';

export interface PageAccess {
  path: string;
  title: string;
  roles: readonly Role[] | 'signed_in';
  /** The API route the page reads first: its server-side roles must include the page's. */
  api?: string;
  /** The menu group the page is listed under, or none for pages reached from another page. */
  menu?: '工作台' | '报送' | '编辑' | '考核' | '管理';
}

export const PAGES: Record<PageKey, PageAccess> = {
  dashboard: { path: '/', title: '工作台', roles: 'signed_in', menu: '工作台' },
  unitItems: { path: '/unit/items', title: '本单位稿件', roles: UNIT, api: 'GET /api/items', menu: '报送' },
  itemNew: { path: '/unit/items/new', title: '新建信息稿件', roles: ['officer'], api: 'POST /api/items', menu: '报送' },
  itemEdit: { path: '/unit/items/:id/edit', title: '修改信息稿件', roles: ['officer'], api: 'PUT /api/items/:id' },
  itemDetail: { path: '/items/:id', title: '稿件详情', roles: ITEM_READERS, api: 'GET /api/items/:id' },
  review: {
    path: '/unit/review',
    title: '待审核稿件',
    roles: ['reviewer', 'principal'],
    api: 'GET /api/items',
    menu: '报送',
  },
  unitSolicitations: {
    path: '/unit/solicitations',
    title: '约稿',
    roles: UNIT,
    api: 'GET /api/solicitations',
    menu: '报送',
  },
  unitNotices: { path: '/unit/notices', title: '信息工作通知', roles: UNIT, api: 'GET /api/notices', menu: '报送' },
  noticeDetail: { path: '/notices/:id', title: '通知详情', roles: ITEM_READERS, api: 'GET /api/notices/:id' },
  progress: { path: '/unit/progress', title: '本单位得分', roles: UNIT, api: 'GET /api/scores/explain', menu: '报送' },
  inbox: { path: '/editor/inbox', title: '收稿箱', roles: DISTRICT, api: 'GET /api/items', menu: '编辑' },
  quarantine: {
    path: '/editor/quarantine',
    title: '隔离区',
    roles: ['editor'],
    api: 'GET /api/mail/quarantine',
    menu: '编辑',
  },
  editorSolicitations: {
    path: '/editor/solicitations',
    title: '约稿管理',
    roles: DISTRICT,
    api: 'GET /api/solicitations',
    menu: '编辑',
  },
  editorNotices: {
    path: '/editor/notices',
    title: '信息工作通知',
    roles: DISTRICT,
    api: 'GET /api/notices',
    menu: '编辑',
  },
  penalties: { path: '/editor/penalties', title: '扣分记录', roles: DISTRICT, api: 'GET /api/penalties', menu: '编辑' },
  periodicals: {
    path: '/editor/periodicals',
    title: '刊物编辑',
    roles: DISTRICT,
    api: 'GET /api/periodicals',
    menu: '编辑',
  },
  periodicalIssue: {
    path: '/editor/periodicals/issues/:id',
    title: '刊物期次',
    roles: DISTRICT,
    api: 'GET /api/periodicals/issues/:id',
  },
  scores: { path: '/scores', title: '考核得分', roles: DISTRICT, api: 'GET /api/scores', menu: '考核' },
  unitScore: { path: '/scores/units/:id', title: '单位得分明细', roles: DISTRICT, api: 'GET /api/scores/explain' },
  results: { path: '/results', title: '季度通报', roles: ITEM_READERS, api: 'GET /api/results', menu: '考核' },
  summaries: { path: '/summaries', title: '工作总结', roles: DISTRICT, api: 'GET /api/summaries', menu: '考核' },
  units: {
    path: '/admin/units',
    title: '单位与序列',
    roles: ['sys_admin', 'editor', 'office_leader'],
    api: 'GET /api/units',
    menu: '管理',
  },
  accounts: {
    path: '/admin/accounts',
    title: '账号与角色',
    roles: ['sys_admin', 'security_admin'],
    api: 'GET /api/accounts',
    menu: '管理',
  },
  registry: {
    path: '/admin/registry',
    title: '信息员登记备案',
    roles: ITEM_READERS,
    api: 'GET /api/registry',
    menu: '管理',
  },
  trainings: {
    path: '/admin/trainings',
    title: '信息员培训',
    roles: ITEM_READERS,
    api: 'GET /api/trainings',
    menu: '管理',
  },
  policy: {
    path: '/admin/policy',
    title: '现行考核办法',
    roles: ['sys_admin', 'editor', 'office_leader', ...UNIT],
    api: 'GET /api/policies',
    menu: '管理',
  },
  import: {
    path: '/admin/import',
    title: '台账导入',
    roles: ['editor'],
    api: 'POST /api/imports',
    menu: '管理',
  },
  security: {
    path: '/admin/security',
    title: '安全设置',
    roles: ['security_admin'],
    api: 'GET /api/security-settings',
    menu: '管理',
  },
  audit: { path: '/admin/audit', title: '审计日志', roles: ['audit_admin'], api: 'GET /api/audit', menu: '管理' },
  outbox: {
    path: '/admin/outbox',
    title: '邮件发送',
    roles: ['sys_admin'],
    api: 'GET /api/admin/outbox',
    menu: '管理',
  },
  password: { path: '/password', title: '修改密码', roles: 'signed_in' },
  totp: { path: '/totp', title: '双因素认证', roles: 'signed_in', api: 'POST /api/auth/totp/setup' },
};

export function canOpen(role: Role | undefined, page: PageKey): boolean {
  if (!role) return false;
  const { roles } = PAGES[page];
  return roles === 'signed_in' || roles.includes(role);
}

/** What a role may do on an item's page; the server decides again on every request. */
export const can = {
  draftItems: (role: Role) => role === 'officer',
  reviewItems: (role: Role) => role === 'reviewer' || role === 'principal',
  signItems: (role: Role) => role === 'principal',
  recordEditorial: (role: Role) => role === 'editor',
  approveResults: (role: Role) => role === 'office_leader',
  prepareResults: (role: Role) => role === 'editor',
  manageSolicitations: (role: Role) => role === 'editor',
  editRegistry: (role: Role) => role === 'editor' || role === 'officer',
  recordTrainings: (role: Role) => role === 'editor',
  manageAccounts: (role: Role) => role === 'sys_admin',
  grantRoles: (role: Role) => role === 'security_admin',
  addUnits: (role: Role) => role === 'sys_admin',
  addPolicy: (role: Role) => role === 'sys_admin',
  isUnitRole: (role: Role) => UNIT.includes(role),
  isDistrictRole: (role: Role) => DISTRICT.includes(role),
};

/** A page's path with its parameters filled in. */
export function pathOf(page: PageKey, params: Record<string, string | number> = {}): string {
  return PAGES[page].path.replace(/:(\w+)/g, (_, name: string) => String(params[name]));
}

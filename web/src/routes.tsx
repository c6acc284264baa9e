/** Every page, loaded on first visit (route-level code splitting), guarded by access.ts. */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { PageKey } from './access';

type Page = LazyExoticComponent<ComponentType>;

export const PAGE_COMPONENTS: Record<PageKey, Page> = {
  dashboard: lazy(() => import('./pages/dashboard')),
  password: lazy(() => import('./pages/password')),
  totp: lazy(() => import('./pages/totp')),
  unitItems: lazy(() => import('./pages/unit/items')),
  itemNew: lazy(() => import('./pages/unit/item-form')),
  itemEdit: lazy(() => import('./pages/unit/item-form')),
  itemDetail: lazy(() => import('./pages/items/detail')),
  review: lazy(() => import('./pages/unit/review')),
  unitSolicitations: lazy(() => import('./pages/unit/solicitations')),
  unitNotices: lazy(() => import('./pages/unit/notices')),
  noticeDetail: lazy(() => import('./pages/notices/detail')),
  progress: lazy(() => import('./pages/unit/progress')),
  inbox: lazy(() => import('./pages/editor/inbox')),
  quarantine: lazy(() => import('./pages/editor/quarantine')),
  editorSolicitations: lazy(() => import('./pages/editor/solicitations')),
  editorNotices: lazy(() => import('./pages/editor/notices')),
  penalties: lazy(() => import('./pages/editor/penalties')),
  periodicals: lazy(() => import('./pages/editor/periodicals')),
  periodicalIssue: lazy(() => import('./pages/editor/periodical-issue')),
  scores: lazy(() => import('./pages/scores/overview')),
  unitScore: lazy(() => import('./pages/scores/unit')),
  results: lazy(() => import('./pages/scores/results')),
  summaries: lazy(() => import('./pages/scores/summaries')),
  units: lazy(() => import('./pages/admin/units')),
  accounts: lazy(() => import('./pages/admin/accounts')),
  registry: lazy(() => import('./pages/admin/registry')),
  trainings: lazy(() => import('./pages/admin/trainings')),
  policy: lazy(() => import('./pages/admin/policy')),
  import: lazy(() => import('./pages/admin/import')),
  security: lazy(() => import('./pages/admin/security')),
  audit: lazy(() => import('./pages/admin/audit')),
  outbox: lazy(() => import('./pages/admin/outbox')),
};

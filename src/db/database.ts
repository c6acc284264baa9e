import type { Kysely, Transaction } from 'kysely';
import type { AttachmentTable } from './tables/attachment.table.js';
import type { AuditHeadTable, AuditLogTable } from './tables/audit.table.js';
import type { BookingTable } from './tables/booking.table.js';
import type { AdoptionTable, InstructionTable, UpwardTable } from './tables/editorial.table.js';
import type { UnitFollowUpTable } from './tables/follow-up.table.js';
import type { ItemEventTable } from './tables/item-event.table.js';
import type { ItemTable } from './tables/item.table.js';
import type {
  PeriodicalIssueEventTable,
  PeriodicalIssueItemTable,
  PeriodicalIssueTable,
  PeriodicalTable,
} from './tables/periodical.table.js';
import type {
  NoticeAttachmentTable,
  NoticeReminderTable,
  NoticeTable,
  NoticeUnitTable,
} from './tables/notice.table.js';
import type { MailMessageTable } from './tables/mail.table.js';
import type { ContactMailOptOutTable, MailOutboxTable } from './tables/mail-outbox.table.js';
import type { JobLeaseTable } from './tables/job-lease.table.js';
import type { PenaltyTable } from './tables/penalty.table.js';
import type { PolicyTable } from './tables/policy.table.js';
import type { TrainingAttendeeTable, TrainingTable, UnitContactTable } from './tables/registry.table.js';
import type { ResultEventTable, ResultPublicationTable } from './tables/result.table.js';
import type { SummaryEventTable, SummaryTable } from './tables/summary.table.js';
import type { ResponseTable, SolicitationTable, SolicitationUnitTable } from './tables/solicitation.table.js';
import type { SeriesTable, UnitTable } from './tables/unit.table.js';
import type {
  PasswordHistoryTable,
  RateLimitTable,
  SessionTable,
  SettingTable,
  UnknownLoginTable,
  UserTable,
} from './tables/user.table.js';

/** Every table Kysely knows, by name. */
export interface Database {
  policies: PolicyTable;
  series: SeriesTable;
  units: UnitTable;
  items: ItemTable;
  adoptions: AdoptionTable;
  instructions: InstructionTable;
  upwards: UpwardTable;
  solicitations: SolicitationTable;
  solicitation_units: SolicitationUnitTable;
  responses: ResponseTable;
  penalties: PenaltyTable;
  bookings: BookingTable;
  users: UserTable;
  password_history: PasswordHistoryTable;
  sessions: SessionTable;
  unknown_logins: UnknownLoginTable;
  rate_limits: RateLimitTable;
  settings: SettingTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  item_events: ItemEventTable;
  attachments: AttachmentTable;
  unit_contacts: UnitContactTable;
  trainings: TrainingTable;
  training_attendees: TrainingAttendeeTable;
  result_publications: ResultPublicationTable;
  unit_follow_ups: UnitFollowUpTable;
  result_events: ResultEventTable;
  summaries: SummaryTable;
  summary_events: SummaryEventTable;
  periodical: PeriodicalTable;
  periodical_issue: PeriodicalIssueTable;
  periodical_issue_item: PeriodicalIssueItemTable;
  periodical_issue_event: PeriodicalIssueEventTable;
  notices: NoticeTable;
  notice_units: NoticeUnitTable;
  notice_attachments: NoticeAttachmentTable;
  notice_reminders: NoticeReminderTable;
  mail_messages: MailMessageTable;
  mail_outbox: MailOutboxTable;
  contact_mail_opt_outs: ContactMailOptOutTable;
  job_leases: JobLeaseTable;
}

/** A connection or a transaction: repositories take either, so the caller owns the transaction. */
export type Db = Kysely<Database> | Transaction<Database>;

export type Dialect = 'sqlite' | 'postgres';

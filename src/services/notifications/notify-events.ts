/**
 * The e-mails each event writes to the outbox, called by the use cases in their transactions.
 * Texts are plain Chinese: the unit, what happened, and what to do.
 */
import { todayInChina } from '../../domain/dates.js';
import type { Db } from '../../db/database.js';
import { unitsByContactEmail } from '../../db/repositories/mail.repository.js';
import { listUnitNames } from '../../db/repositories/unit-lookup.repository.js';
import { enqueueNotification } from './enqueue-notification.js';

const DISTRICT_OFFICE = '区政府办公室调研科';

/** 新约稿: to the target units' officers and directors (every unit when it targets all). */
export async function notifySolicitationCreated(
  db: Db,
  solicitation: { id: number; ref: string; title: string; deadline: string; requirements: string | null },
  unitIds: readonly number[],
  now: Date
): Promise<number> {
  const targets = unitIds.length > 0 ? unitIds : (await listUnitNames(db)).map((u) => u.id);
  return enqueueNotification(
    db,
    {
      kind: 'solicitation_new',
      unitIds: targets,
      event: `solicitation:${solicitation.id}`,
      subject: `新约稿：${solicitation.title}（${solicitation.deadline} 截止）`,
      text: (unit) =>
        [
          `${DISTRICT_OFFICE}向${unit}发布了约稿“${solicitation.title}”（编号 ${solicitation.ref}），截止日期 ${solicitation.deadline}。`,
          ...(solicitation.requirements ? [`约稿要求：${solicitation.requirements}`] : []),
          '请在截止日期前报送稿件，并在稿件中选择回复此约稿；逾期未报送的，按考核办法扣分。',
        ].join('\n'),
      linkPath: '/unit/solicitations',
    },
    now
  );
}

/** 约稿截止提醒: to a unit that has not answered, two days before the deadline and on the day. */
export async function notifySolicitationDue(
  db: Db,
  solicitation: { id: number; ref: string; title: string; deadline: string },
  unitIds: readonly number[],
  daysLeft: number,
  now: Date
): Promise<number> {
  const when = daysLeft === 0 ? '今天截止' : `${daysLeft} 天后截止`;
  return enqueueNotification(
    db,
    {
      kind: 'solicitation_due',
      unitIds,
      event: `solicitation:${solicitation.id}:due:${solicitation.deadline}:${daysLeft}`,
      subject: `约稿截止提醒：${solicitation.title}（${when}）`,
      text: (unit) =>
        [
          `约稿“${solicitation.title}”（编号 ${solicitation.ref}）将于 ${solicitation.deadline} 截止（${when}），${unit}尚未报送回复此约稿的稿件。`,
          '请在截止日期前报送；逾期未报送的，按考核办法扣分。',
        ].join('\n'),
      linkPath: '/unit/solicitations',
    },
    now
  );
}

/** 稿件被退回: to the unit's officers, with the reason. */
export async function notifyItemReturned(
  db: Db,
  item: { id: number; unitId: number; title: string },
  by: { name: string; district: boolean },
  reason: string,
  now: Date
): Promise<number> {
  return enqueueNotification(
    db,
    {
      kind: 'item_returned',
      unitIds: [item.unitId],
      event: `item:${item.id}:returned:${now.toISOString()}`,
      subject: `稿件被退回：${item.title}`,
      text: (unit) =>
        [
          `${unit}的稿件“${item.title}”已被${by.district ? DISTRICT_OFFICE : ''}${by.name}退回修改。`,
          `退回理由：${reason}`,
          '请修改后重新报送。',
        ].join('\n'),
      linkPath: `/items/${item.id}`,
    },
    now
  );
}

/** 考核结果发布: to every unit's officers and directors. */
export async function notifyResultsPublished(
  db: Db,
  publication: { id: number; year: number; quarter: number },
  now: Date
): Promise<number> {
  const period = `${publication.year} 年第 ${publication.quarter} 季度`;
  return enqueueNotification(
    db,
    {
      kind: 'results_published',
      unitIds: (await listUnitNames(db)).map((u) => u.id),
      event: `results:${publication.id}`,
      subject: `${period}政务信息工作考核结果已发布`,
      text: (unit) => `${period}政务信息工作考核结果（季度通报）已发布，请登录系统查看${unit}的得分和排名。`,
      linkPath: '/results',
    },
    now
  );
}

/** 信息工作通知: to the officers of the units it was posted to. */
export async function notifyNoticePosted(
  db: Db,
  notice: { id: number; title: string },
  unitIds: readonly number[],
  now: Date
): Promise<number> {
  return enqueueNotification(
    db,
    {
      kind: 'notice_posted',
      unitIds,
      event: `notice:${notice.id}`,
      subject: `信息工作通知：${notice.title}`,
      text: () => `${DISTRICT_OFFICE}发布了信息工作通知“${notice.title}”，请登录系统阅读，并确认已读。`,
      linkPath: `/notices/${notice.id}`,
    },
    now
  );
}

/**
 * 报送邮件进入隔离区: to the officers of the unit whose registered person sent it. A sender who is
 * nobody's registered person is never written to (no backscatter to forged or unknown addresses);
 * neither is a message whose sender could not be read (too large, unreadable).
 */
export async function notifyMailQuarantined(
  db: Db,
  message: { id: number; sender: string | null; subject: string | null; reason: string },
  now: Date
): Promise<number> {
  if (!message.sender) return 0;
  const units = await unitsByContactEmail(db, message.sender, todayInChina(now));
  if (units.length === 0) return 0;
  const subject = message.subject?.trim() || '（无主题）';
  return enqueueNotification(
    db,
    {
      kind: 'mail_quarantined',
      unitIds: units.map((u) => u.id),
      event: `mail:${message.id}`,
      subject: `报送邮件未导入：${subject}`,
      text: () =>
        [
          `${message.sender} 发送的报送邮件“${subject}”未导入为稿件，已放入隔离区，由${DISTRICT_OFFICE}处理。`,
          `原因：${message.reason}`,
          '如需重新报送，请一封邮件只报送一篇稿件，附件类型和大小符合要求。',
        ].join('\n'),
      linkPath: null,
    },
    now
  );
}

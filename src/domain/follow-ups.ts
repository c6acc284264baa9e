/**
 * 建议更换信息员 as a follow-up on a unit: opened when a published bulletin names the unit among
 * those that missed their target four quarters running, and settled once the unit registers a new
 * 信息员 (a contact with duty officer starting on or after the day it was opened) or the editor
 * closes it with a reason.
 */
export const REPLACE_OFFICER = 'replace_officer';

export interface FollowUpState {
  unitId: number;
  openedOn: string;
  closedAt: string | null;
}

/** Whether a follow-up still asks for action, given the unit's registered contacts. */
export function followUpOpen(
  followUp: FollowUpState,
  contacts: readonly { unit_id: number; duty: string; started_on: string }[]
): boolean {
  if (followUp.closedAt !== null) return false;
  return !contacts.some(
    (c) => c.unit_id === followUp.unitId && c.duty === 'officer' && c.started_on >= followUp.openedOn
  );
}

export function replaceOfficerNote(year: number, quarter: number, streak: number): string {
  return `${year}年第${quarter}季度工作通讯：连续${streak}个考核季度未完成信息报送工作任务，建议更换信息员`;
}

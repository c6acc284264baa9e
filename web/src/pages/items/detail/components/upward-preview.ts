/**
 * 上级采用 “按最高加分值补足”, as the dialog explains it: the item's upward events with the points each
 * earns once the new one is saved. Computed by the rules engine itself (computeItemBookings), the
 * one the server books with, so the dialog and the rows' points agree in any recording order: the
 * events count in date order, not in the order they were recorded.
 */
import { computeItemBookings, DISTRICT_LEVEL } from '@domain/bookings';
import { policyInForce, type Policy } from '@domain/policy';
import type { ItemDetail } from '../types';

export const NEW_RECORD = 'new';

export interface UpwardLine {
  ref: string;
  label: string;
  date: string;
  points: number;
}

export interface UpwardCandidate {
  level: string;
  kind: string | null;
  date: string;
}

type Records = Pick<ItemDetail, 'id' | 'ref' | 'submitted' | 'adoptions' | 'instructions' | 'upwards'>;

/** The upward events (adoptions by, and instructions of, the city or province) with their points, in date order. */
export function upwardLines(policies: readonly Policy[], item: Records, candidate?: UpwardCandidate): UpwardLine[] {
  const upwards = [...item.upwards.map((u) => ({ ref: u.ref, level: u.level, kind: u.kind, date: u.date }))];
  if (candidate) upwards.push({ ref: NEW_RECORD, ...candidate });
  const bookings = computeItemBookings(
    {
      id: item.id,
      ref: item.ref,
      unitId: 0,
      submitted: item.submitted ?? '',
      adoptions: item.adoptions.map((a) => ({ ref: a.ref, outlet: a.outlet, kind: a.kind, date: a.date })),
      instructions: item.instructions.map((i) => ({ ref: i.ref, level: i.level, date: i.date })),
      upwards,
      responses: [],
    },
    policies
  );
  const points = (ref: string) =>
    bookings.filter((b) => b.recordRef === ref && b.rule.startsWith('upward:')).reduce((sum, b) => sum + b.points, 0);
  const name = (level: string, date: string) => policyInForce(policies, date)?.upward[level]?.name ?? level;
  const lines: UpwardLine[] = [
    ...upwards.map((u) => ({ ref: u.ref, label: `${name(u.level, u.date)}采用`, date: u.date, points: points(u.ref) })),
    ...item.instructions
      .filter((i) => i.level !== DISTRICT_LEVEL)
      .map((i) => ({ ref: i.ref, label: `${name(i.level, i.date)}领导批示`, date: i.date, points: points(i.ref) })),
  ];
  return lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : b.points - a.points));
}

/** One sentence per line: what it is, its date, and what it earns (补足 when it tops up an earlier one). */
export function describeUpwardLines(lines: readonly UpwardLine[]): string[] {
  let highest = 0;
  return lines.map((line) => {
    const who = line.ref === NEW_RECORD ? `本次登记的${line.label}` : line.label;
    const text =
      line.points === 0
        ? `${who}（${line.date}）不高于此前最高值，不再加分`
        : highest === 0
          ? `${who}（${line.date}）计 ${line.points} 分`
          : `${who}（${line.date}）补足 ${line.points} 分`;
    highest += line.points;
    return text;
  });
}

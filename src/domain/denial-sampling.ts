/**
 * How anonymous denied requests reach the audit log. Each one used to be an entry, so anyone
 * without an account could grow the log (and the hash chain's writes) without limit. Now, per
 * minute, the first few from an address and the first hundred from everywhere are recorded
 * one by one, as before; beyond them only a summary entry with the count so far is written
 * each time that count doubles. The log stays bounded (per minute: at most 100 single entries
 * plus a logarithm of the flood), an investigator still sees the first requests in full and how
 * large the flood grew, and nothing needs a timer to write a summary later.
 */

/** Single entries per client address per minute. */
export const DENIALS_RECORDED_PER_ADDRESS = 10;
/** Single entries per minute from all addresses together (a flood from many addresses). */
export const DENIALS_RECORDED_IN_ALL = 100;

/** What to write for one anonymous denial: a full entry, a summary with the counts, or nothing. */
export type DenialRecording = 'entry' | 'summary' | 'none';

/** Whether `count` is `first` times a power of two above one: 20, 40, 80… for 10. */
function isDoubling(count: number, first: number): boolean {
  if (count <= first || count % first !== 0) return false;
  const multiple = count / first;
  return (multiple & (multiple - 1)) === 0;
}

/**
 * Decides from this minute's counts, this request included: `fromAddress` from the client's
 * address, `fromAll` from every address.
 */
export function denialRecording(fromAddress: number, fromAll: number): DenialRecording {
  if (fromAddress <= DENIALS_RECORDED_PER_ADDRESS && fromAll <= DENIALS_RECORDED_IN_ALL) return 'entry';
  if (isDoubling(fromAddress, DENIALS_RECORDED_PER_ADDRESS) || isDoubling(fromAll, DENIALS_RECORDED_IN_ALL))
    return 'summary';
  return 'none';
}

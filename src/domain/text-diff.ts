/**
 * What an editor changed in a unit's text: a character-level diff (longest common subsequence) of
 * the original and the edited text, as runs of kept, deleted and inserted characters. Items are
 * about 450 characters, so the quadratic table is small; the common start and end are cut first.
 */
export type DiffOp = 'same' | 'del' | 'ins';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

/** Above this many table cells the middle is shown as deleted then inserted whole (still exact, just coarse). */
const MAX_CELLS = 4_000_000;

export function diffText(original: string, edited: string): DiffSegment[] {
  const a = Array.from(original);
  const b = Array.from(edited);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const segments: DiffSegment[] = [];
  const push = (op: DiffOp, ch: string) => {
    const last = segments[segments.length - 1];
    if (last?.op === op) last.text += ch;
    else segments.push({ op, text: ch });
  };
  for (const ch of a.slice(0, start)) push('same', ch);
  for (const [op, ch] of middleDiff(a.slice(start, endA), b.slice(start, endB))) push(op, ch);
  for (const ch of a.slice(endA)) push('same', ch);
  return segments;
}

function middleDiff(a: string[], b: string[]): [DiffOp, string][] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_CELLS)
    return [...a.map((ch): [DiffOp, string] => ['del', ch]), ...b.map((ch): [DiffOp, string] => ['ins', ch])];
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], one flat array of (n+1)×(m+1).
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * width + j] =
        a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
  const out: [DiffOp, string][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push(['same', a[i++]]);
      j++;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) out.push(['del', a[i++]]);
    else out.push(['ins', b[j++]]);
  }
  while (i < n) out.push(['del', a[i++]]);
  while (j < m) out.push(['ins', b[j++]]);
  return out;
}

/** The original text the segments were made from (kept and deleted runs). */
export function originalOf(segments: readonly DiffSegment[]): string {
  return segments
    .filter((s) => s.op !== 'ins')
    .map((s) => s.text)
    .join('');
}

/** The edited text the segments were made from (kept and inserted runs). */
export function editedOf(segments: readonly DiffSegment[]): string {
  return segments
    .filter((s) => s.op !== 'del')
    .map((s) => s.text)
    .join('');
}

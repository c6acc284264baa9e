// Bursts of API writes as the offices make them, recording which ones the server acknowledged
// (2xx) so that the check after the crash knows what must be there.
import { createHash, randomBytes } from 'node:crypto';

/** Where an item goes after each step of the workflow (a non-major item: no signature step). */
const STEPS = [
  { who: 'officer', action: 'submit_for_review', status: 'unit_review' },
  { who: 'reviewer', action: 'approve', status: 'submitted' },
  { who: 'editor', action: 'receive', status: 'received' },
  { who: 'editor', adopt: true, status: 'adopted' },
];

/** Today in China Standard Time: the server dates records by it. */
export function todayInChina() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A small PDF-looking attachment: the PDF signature, then random bytes of every value. */
function attachmentBytes(random) {
  return Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(1000 + Math.floor(random() * 20_000))]);
}

export const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/**
 * The expectations of a run: every item written (its last acknowledged status, and the status a
 * request still in flight may have left it in), its attachments and adoptions, and the
 * acknowledged writes not yet checked after a restart.
 */
export function newLedger() {
  return { items: new Map(), unchecked: [], acknowledged: 0, unexpected: [] };
}

class Stop extends Error {}

/** A 2xx answer's JSON body; anything else stops the worker (the server is gone, or refused). */
async function expectOk(ledger, response, what) {
  if (response.status >= 200 && response.status < 300) return response.json();
  ledger.unexpected.push(`${what}: ${response.status} ${(await response.text()).slice(0, 200)}`);
  throw new Stop();
}

/** One worker: drafts items with an attachment and takes some of them through to adoption, until the server dies. */
export async function runWorker(clients, ledger, random, round, worker) {
  try {
    for (let n = 1; ; n++) {
      const title = `第${round}轮沙湾镇防汛工作动态${worker}-${n}`;
      const draft = {
        title,
        body: `沙湾镇第${round}轮第${n}次报送：排查隐患点${n}处，转移群众${n * 10}人。`,
        category: '本单位主要工作进展',
        reporter: '陈信息',
        phone: '020-84731234',
        isPublic: true,
        isOutsideRemit: false,
        isMajor: false,
      };
      const { id } = await expectOk(ledger, await clients.officer.request('POST', '/api/items', draft), 'draft');
      const item = {
        id,
        title: `${title}（政务信息）`,
        status: 'draft',
        pending: null,
        attachments: [],
        adoptions: [],
      };
      ledger.items.set(id, item);
      acknowledge(ledger, { kind: 'draft', item });

      const data = attachmentBytes(random);
      const attached = await expectOk(
        ledger,
        await clients.officer.upload(`/api/items/${id}/attachments`, `现场照片${n}.pdf`, data),
        'attachment'
      );
      item.attachments.push({ id: attached.id, sha256: sha256(data) });
      acknowledge(ledger, { kind: 'attachment', item, attachment: attached.id, sha256: sha256(data) });

      if (random() < 0.4) continue;
      for (const step of STEPS) {
        item.pending = step.status;
        if (step.adopt) {
          const body = { outlet: 'dynamic', date: todayInChina() };
          const adoption = await expectOk(
            ledger,
            await clients.editor.request('POST', `/api/items/${id}/adoptions`, body),
            'adoption'
          );
          item.adoptions.push(adoption.id);
          item.status = step.status;
          acknowledge(ledger, { kind: 'adoption', item, adoption: adoption.id });
        } else {
          const { version } = await expectOk(
            ledger,
            await clients[step.who].request('GET', `/api/items/${id}`),
            'read'
          );
          const answer = await expectOk(
            ledger,
            await clients[step.who].request('POST', `/api/items/${id}/transitions`, { action: step.action, version }),
            step.action
          );
          item.status = answer.status;
          acknowledge(ledger, { kind: 'transition', item, status: answer.status });
        }
        item.pending = null;
      }
    }
  } catch (error) {
    // A refused connection or reset is the crash itself; anything else is worth reporting.
    if (!(error instanceof Stop) && !isConnectionLost(error)) ledger.unexpected.push(`worker: ${error.message}`);
  }
}

function acknowledge(ledger, write) {
  ledger.acknowledged++;
  ledger.unchecked.push(write);
}

export function isConnectionLost(error) {
  const code = error?.cause?.code ?? error?.code;
  return (
    ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'].includes(code) ||
    /fetch failed|other side closed|socket/i.test(String(error?.message))
  );
}

/** Uploads a ledger (JSON Lines) as the editor with dryRun=false; resolves with the answer or the crash. */
export async function importLedger(editor, ledgerText, ledger, job) {
  const started = Date.now();
  try {
    const response = await editor.upload(
      '/api/imports?dryRun=false',
      `台账${job.prefix}.jsonl`,
      Buffer.from(ledgerText)
    );
    if (response.status === 200) {
      job.acknowledged = true;
      job.seconds = (Date.now() - started) / 1000;
      acknowledge(ledger, { kind: 'import', job });
    } else ledger.unexpected.push(`import: ${response.status} ${(await response.text()).slice(0, 300)}`);
  } catch (error) {
    if (!isConnectionLost(error)) ledger.unexpected.push(`import: ${error.message}`);
  }
}

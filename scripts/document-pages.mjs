// Refreshes the README's document pages: the first page of the bulletin, an issue of
// 《番府信息上报》 and the half-year summary, and the annual summary's 通报表扬, drawn from the demo year by
// test/integration/document-pages.test.ts into docs/documents instead of a temporary folder.
// Needs LibreOffice (soffice) and poppler (pdftoppm, pdftotext).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const result = spawnSync('npx', ['vitest', 'run', '--project', 'sqlite', 'test/integration/document-pages.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, GOVINFO_DOCUMENT_PAGES: path.join(root, 'docs', 'documents') },
});
process.exit(result.status ?? 1);

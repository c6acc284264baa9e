import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeLedgerTemplate } from '../../files/ledger-template.js';

/** The import template's bytes: the workbook is written to a file (as the CLI does), read back, and the file removed. */
export async function ledgerTemplateWorkbook(): Promise<Buffer> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'govinfo-template-'));
  try {
    const file = path.join(directory, 'template.xlsx');
    await writeLedgerTemplate(file);
    return await fs.readFile(file);
  } finally {
    await fs.rm(directory, { recursive: true, force: true });
  }
}

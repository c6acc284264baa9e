import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import type { BulletinDocument } from '../../domain/bulletin.js';
import { quarterEnd, todayInChina } from '../../domain/dates.js';
import { findPublicationOfQuarter } from '../../db/repositories/result.repository.js';
import { PdfUnavailableError, pdfAvailable } from '../../files/pdf-conversion.js';
import { assembleBulletin } from '../../services/results/assemble-bulletin.js';
import { renderBulletin } from '../../services/results/bulletin-files.js';
import type { DocumentFormat } from '../../shared/api/documents.js';
import { UserError, parseQuarter, parseYear, withStore, type CliIo } from '../context.js';

const FORMATS: Record<string, DocumentFormat> = { '.docx': 'docx', '.xlsx': 'xlsx', '.pdf': 'pdf' };

export function bulletinCommand(io: CliIo): Command {
  return new Command('bulletin')
    .description('生成季度《番府信息》(工作通讯)：.docx、.xlsx 或 .pdf（按 --out 的扩展名）')
    .requiredOption('--year <year>', '考核年度，如 2012')
    .requiredOption('--quarter <quarter>', '季度 1–4')
    .requiredOption('--out <file>', '输出文件：.docx、.xlsx 或 .pdf（PDF 需安装 LibreOffice）')
    .option('--as-published', '输出已发布的原件（发布时冻结的版本），而不是按当前记录生成')
    .action(
      async (options: { year: string; quarter: string; out: string; asPublished?: boolean }, command: Command) => {
        const year = parseYear(options.year);
        const quarter = parseQuarter(options.quarter);
        const format = FORMATS[path.extname(options.out).toLowerCase()];
        if (!format)
          throw new UserError(
            `--out 的扩展名“${path.extname(options.out) || '（无）'}”不受支持，应为 .docx、.xlsx 或 .pdf`
          );
        if (format === 'pdf' && !pdfAvailable()) throw new UserError(new PdfUnavailableError().message);
        const bulletin = await withStore(command, async ({ db }) => {
          const publication = await findPublicationOfQuarter(db, year, quarter);
          if (options.asPublished) {
            if (publication?.status !== 'published' || !publication.bulletin)
              throw new UserError(`${year} 年第 ${quarter} 季度的工作通讯尚未发布，不能使用 --as-published`);
            return JSON.parse(publication.bulletin) as BulletinDocument;
          }
          const today = todayInChina();
          const end = quarterEnd(year, quarter);
          // The figures of `scores --year Y --quarter Q --json`: the whole year, every deadline past.
          return assembleBulletin(db, {
            year,
            quarter,
            statisticsDate: end < today ? end : today,
            issuedOn: today,
            textBefore: publication?.text_before,
            textAfter: publication?.text_after,
          });
        });
        const bytes = await renderBulletin(bulletin, format);
        await fs.promises.writeFile(options.out, bytes);
        io.stdout(
          `已生成 ${year} 年第 ${quarter} 季度工作通讯${options.asPublished ? '（发布原件）' : ''}：${options.out}\n`
        );
      }
    );
}

import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { PdfUnavailableError } from '../../files/pdf-conversion.js';
import { ServiceError } from '../../services/service-error.js';
import type { DocumentFormat } from '../../shared/api/documents.js';
import { UserError, parseYear, withStore, type CliIo } from '../context.js';

const FORMATS: Record<string, DocumentFormat> = { '.docx': 'docx', '.xlsx': 'xlsx', '.pdf': 'pdf' };

/**
 * `govinfo summary --year Y [--half 1] --out FILE`: the half-year or annual summary from the
 * records as they stand now (with the paragraphs as the editor last saved them, drafted where
 * none are), or with `--as-approved` the approved summary exactly as approved.
 */
export function summaryCommand(io: CliIo): Command {
  return (
    new Command('summary')
      .description('生成半年小结（--half 1）或年度总结：.docx、.xlsx，或 .pdf（需安装 LibreOffice）')
      .requiredOption('--year <year>', '年度，如 2011')
      .option('--half <half>', '1：上半年小结（第一、二季度）；不填为年度总结')
      .requiredOption('--out <file>', '输出文件，按扩展名决定格式：.docx、.xlsx 或 .pdf')
      .option('--as-approved', '输出已审批通过的版本（审批时固定的数据和分析段落），而不是按当前台账生成')
      // A summary is final once approved: `bulletin`'s word for its frozen version means the same here.
      .option('--as-published', '同 --as-approved')
      .action(async (options: SummaryOptions, command: Command) => {
        if (options.asPublished) options.asApproved = true;
        const year = parseYear(options.year);
        if (options.half !== undefined && options.half !== '1')
          throw new UserError(`--half 的值“${options.half}”无效，只能为 1（上半年）；年度总结不加 --half`);
        const half = options.half === '1' ? 1 : null;
        const extension = path.extname(options.out).toLowerCase();
        const format = FORMATS[extension];
        if (!format)
          throw new UserError(`--out 的文件类型“${extension || '（无扩展名）'}”不支持，应为 .docx、.xlsx 或 .pdf`);
        await withStore(command, async ({ db }) => {
          // Loaded here: the chart renderer (ECharts, resvg) would slow every other command's start.
          const { summaryFileForCli } = await import('../../services/summaries/summary-file.js');
          let file;
          try {
            file = await summaryFileForCli(db, year, half, format, { asApproved: options.asApproved });
          } catch (error) {
            if (error instanceof PdfUnavailableError || error instanceof ServiceError)
              throw new UserError(error.message);
            throw error;
          }
          fs.writeFileSync(options.out, file.bytes);
          io.stdout(
            `已生成《${file.name}》${options.asApproved ? '（审批通过的版本）' : ''}：${path.resolve(options.out)}\n`
          );
        });
      })
  );
}

interface SummaryOptions {
  year: string;
  half?: string;
  out: string;
  asApproved?: boolean;
  asPublished?: boolean;
}

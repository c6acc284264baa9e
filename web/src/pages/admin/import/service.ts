/** 台账导入: the page's API calls and the wording of where a problem stands. */
import { ApiError, http } from '../../../http';
import type { ImportPreview, ImportProblem } from '@shared/api/imports';

export const TEMPLATE_URL = '/api/imports/template';
export const ACCEPTED_EXTENSIONS = ['.xlsx', '.csv', '.jsonl'];

/** Sends the file: a dry run validates and previews; otherwise it is stored. Problems come back as an ApiError with `problems`. */
export function uploadLedger(file: File, dryRun: boolean): Promise<ImportPreview> {
  const form = new FormData();
  form.append('file', file, file.name);
  return http.post<ImportPreview>(`/api/imports?dryRun=${dryRun}`, form, { quiet: true });
}

/** The problems of a refused file, when the refusal lists them. */
export function problemsOf(error: unknown): ImportProblem[] | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const problems = error.body.problems;
  return Array.isArray(problems) ? (problems as ImportProblem[]) : undefined;
}

/** Where a problem stands, in words: 第 3 行, 工作表“采用”第 4 行, 工作表“采用”, or 整个文件. */
export function positionOf(problem: Pick<ImportProblem, 'sheet' | 'line'>): string {
  const sheet = problem.sheet === null ? '' : `工作表“${problem.sheet}”`;
  if (problem.line === null) return sheet || '整个文件';
  return `${sheet}第 ${problem.line} 行`;
}

/** Whether a file's name has an extension the import reads. */
export function isAcceptedFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((extension) => lower.endsWith(extension)) || lower.endsWith('.ndjson');
}

export const totalOf = (preview: ImportPreview, key: 'stored' | 'skipped') =>
  preview.counts.reduce((sum, c) => sum + c[key], 0);

/** What POST /api/imports answers (src/server/routes/imports/imports.routes.ts). */
export interface ImportProblem {
  location: string;
  file: string;
  sheet: string | null;
  line: number | null;
  field: string | null;
  value: string | null;
  message: string;
}

export interface ImportCount {
  type: string;
  name: string;
  stored: number;
  skipped: number;
}

export interface ImportPreview {
  dryRun: boolean;
  file: string;
  counts: ImportCount[];
  warnings: string[];
}

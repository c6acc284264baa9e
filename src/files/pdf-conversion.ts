/**
 * `.docx` → `.pdf` through LibreOffice (`soffice --headless --convert-to pdf`), where it is
 * installed. Each conversion gets its own profile directory, so conversions can run side by side
 * and never touch a desktop user's LibreOffice settings.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fontSubstitutesConfig } from './font-substitutes.js';

/** LibreOffice is not installed (or not on PATH): the message says what to install. */
export class PdfUnavailableError extends Error {
  constructor() {
    super(
      '本机未安装 LibreOffice，无法生成 PDF：请安装 libreoffice-writer-nogui（提供 soffice 命令），或改为导出 .docx'
    );
  }
}

const CONVERSION_TIMEOUT_MS = 120_000;

/** The `soffice` executable: `GOVINFO_SOFFICE`, else the first on PATH; null when there is none. */
export function findSoffice(): string | null {
  const configured = process.env.GOVINFO_SOFFICE;
  if (configured) return fs.existsSync(configured) ? configured : null;
  return findExecutable('soffice');
}

/** The first executable of that name on PATH (soffice, pdftoppm, pdffonts), or null. */
export function findExecutable(name: string): string | null {
  for (const directory of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!directory) continue;
    const candidate = path.join(directory, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

export function pdfAvailable(): boolean {
  return findSoffice() !== null;
}

/** The PDF bytes of a `.docx`; throws `PdfUnavailableError` where LibreOffice is missing. */
export function convertDocxToPdf(docx: Buffer): Promise<Buffer> {
  return convertDocx(docx, 'pdf');
}

/**
 * A page of a PDF (the first unless told) as a PNG picture (the README's document pages), drawn by
 * poppler's `pdftoppm`: LibreOffice's Writer-only install has no picture export. Null where it is missing.
 */
export async function renderPagePng(pdf: Buffer, dpi = 60, page = 1): Promise<Buffer | null> {
  const pdftoppm = findExecutable('pdftoppm');
  if (!pdftoppm) return null;
  const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'govinfo-page-'));
  try {
    const input = path.join(work, 'document.pdf');
    await fs.promises.writeFile(input, pdf);
    const number = String(page);
    await run(pdftoppm, [
      '-png',
      '-r',
      String(dpi),
      '-f',
      number,
      '-l',
      number,
      '-singlefile',
      input,
      path.join(work, 'page'),
    ]);
    return await fs.promises.readFile(path.join(work, 'page.png'));
  } finally {
    await fs.promises.rm(work, { recursive: true, force: true });
  }
}

function run(executable: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(executable, args, { timeout: CONVERSION_TIMEOUT_MS }, (error, _stdout, stderr) =>
      error ? reject(new Error(`${path.basename(executable)} 失败：${stderr || error.message}`)) : resolve()
    );
  });
}

async function convertDocx(docx: Buffer, format: 'pdf'): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new PdfUnavailableError();
  const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'govinfo-pdf-'));
  try {
    const input = path.join(work, 'document.docx');
    await fs.promises.writeFile(input, docx);
    const profile = pathToFileURL(path.join(work, 'profile')).href;
    const env = await withFontSubstitutes(work);
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', format, '--outdir', work, input],
        { timeout: CONVERSION_TIMEOUT_MS, env },
        (error, _stdout, stderr) =>
          error
            ? reject(new Error(`LibreOffice 转换 ${format.toUpperCase()} 失败：${stderr || error.message}`))
            : resolve()
      );
    });
    const output = path.join(work, `document.${format}`);
    if (!fs.existsSync(output)) throw new Error(`LibreOffice 未生成 ${format.toUpperCase()} 文件`);
    return await fs.promises.readFile(output);
  } finally {
    await fs.promises.rm(work, { recursive: true, force: true });
  }
}

/**
 * The environment LibreOffice runs in: a fontconfig file in `work` that reads the configuration in
 * force and adds the 公文 fonts' stand-ins. Where that configuration cannot be found, the
 * environment is left as it is: a file that included nothing would leave LibreOffice no fonts at all.
 */
async function withFontSubstitutes(work: string): Promise<NodeJS.ProcessEnv> {
  const { FONTCONFIG_FILE: file, FONTCONFIG_PATH: directory } = process.env;
  const base = file
    ? path.resolve(directory ?? '/etc/fonts', file)
    : path.join(directory || '/etc/fonts', 'fonts.conf');
  if (!fs.existsSync(base)) return process.env;
  const fontConfig = path.join(work, 'fonts.conf');
  await fs.promises.writeFile(fontConfig, fontSubstitutesConfig(base));
  return { ...process.env, FONTCONFIG_FILE: fontConfig };
}

/**
 * 导出Excel: downloads a table's workbook through the HTTP client with the page's current filters
 * (the export route takes the list's query), saved as e.g. 收件箱_2026-11-28.xlsx.
 */
import { FileExcelOutlined } from '@ant-design/icons';
import { todayInChina } from '@domain/dates';
import { App, Button } from 'antd';
import { useState } from 'react';
import { ApiError, http } from '../http';

export interface ExportButtonProps {
  /** The export route with the list's query, e.g. /api/items/export?status=received. */
  url: string;
  /** The file's name without date or extension, e.g. 收件箱. */
  filename: string;
  label?: string;
}

/** 收件箱_2026-11-28.xlsx: the table's name and the day it was taken. */
export function exportFileName(filename: string, today = todayInChina()): string {
  return `${filename}_${today}.xlsx`;
}

/** Hands bytes to the browser as a download of that name. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export function ExportButton({ url, filename, label = '导出Excel' }: ExportButtonProps) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      saveBlob(await http.download(url, { quiet: true }), exportFileName(filename));
    } catch (error) {
      const reason = error instanceof ApiError ? error.message : '请稍后重试';
      message.error(`导出失败：${reason}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void run()} className="no-print">
      {label}
    </Button>
  );
}

/**
 * 下载 Word / PDF: fetches the document first and saves it only when the server made it, so a
 * refusal (no LibreOffice on the server for PDF, a document not yet approved) shows as a message
 * in Chinese on the page instead of a browser tab of JSON.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError, http } from '../http';
import { saveBlob } from './ExportButton';

export interface DocumentButtonProps {
  url: string;
  /** The saved file's name; the server's name (Content-Disposition) when absent. */
  filename?: string;
  /** Used when neither is known. */
  fallbackName?: string;
  children: ReactNode;
  size?: ButtonProps['size'];
  disabled?: boolean;
  'aria-label'?: string;
}

export function DocumentButton({ url, filename, fallbackName = 'document', children, ...button }: DocumentButtonProps) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const { blob, name } = await http.downloadFile(url, { quiet: true });
      saveBlob(blob, filename ?? name ?? fallbackName);
    } catch (error) {
      message.error(`下载失败：${error instanceof ApiError ? error.message : '请稍后重试'}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button {...button} icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
      {children}
    </Button>
  );
}

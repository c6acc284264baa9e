/**
 * 附件预览: a Word attachment read as text, a PDF in the browser's own viewer, a picture as itself.
 * Word documents come back from the server sanitised and are shown in a sandboxed frame; an old
 * .doc can only be downloaded.
 */
import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { attachmentUrl, attachmentView, loadWordPreview, wordPreviewDocument } from '../service';
import type { ItemAttachment } from '../types';

interface Props {
  itemId: number;
  attachment: ItemAttachment;
}

export function AttachmentViewer({ itemId, attachment }: Props) {
  const view = attachmentView(attachment.mediaType);
  const [open, setOpen] = useState(false);
  const [html, setHtml] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open || view !== 'word' || html !== null) return;
    const controller = new AbortController();
    loadWordPreview(itemId, attachment.id, controller.signal)
      .then((preview) => setHtml(preview.html))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setFailure(error instanceof Error ? error.message : '预览失败');
      });
    return () => controller.abort();
  }, [open, view, html, itemId, attachment.id]);

  if (view === 'download') return null;
  const url = attachmentUrl(itemId, attachment.id, true);
  return (
    <>
      <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setOpen(true)}>
        预览
      </Button>
      <Modal
        title={attachment.filename}
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        width={860}
        destroyOnHidden
      >
        {view === 'image' && <img src={url} alt={attachment.filename} style={{ maxWidth: '100%' }} />}
        {view === 'pdf' && (
          <iframe
            title={`${attachment.filename}（PDF 预览）`}
            src={url}
            style={{ width: '100%', height: '70vh', border: 0 }}
          />
        )}
        {view === 'word' &&
          (failure ? (
            <Alert type="warning" showIcon title={failure} />
          ) : html === null ? (
            <Spin />
          ) : (
            <iframe
              title={`${attachment.filename}（Word 预览）`}
              sandbox=""
              srcDoc={wordPreviewDocument(html)}
              style={{ width: '100%', height: '70vh', border: '1px solid #f0f0f0' }}
            />
          ))}
      </Modal>
    </>
  );
}

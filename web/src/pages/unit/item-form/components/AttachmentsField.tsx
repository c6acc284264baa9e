/**
 * Drag-and-drop attachments: queued until the draft is saved, then uploaded; saved ones can be
 * opened or deleted. A file refused (by its name here, or by its content on the server) stays
 * listed, marked, until the officer removes it: the item is not submitted with it missing.
 */
import { DeleteOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, List, Tag, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';
import { attachmentUrl, fileSize } from '../../../items/detail/service';
import type { ItemAttachment } from '../../../items/detail/types';
import { ACCEPT_ATTRIBUTE, isAcceptedFile, type RefusedFile } from '../service';

interface Props {
  itemId: number | undefined;
  attachments: ItemAttachment[];
  pending: File[];
  refused: RefusedFile[];
  onAdd(file: File): void;
  onRefuse(file: RefusedFile): void;
  onRemovePending(file: File): void;
  onRemoveRefused(file: RefusedFile): void;
  onDelete(attachment: ItemAttachment): void;
  disabled?: boolean;
}

type Entry = { key: string; name: string; remove(): void; content: ReactNode };

export function AttachmentsField({
  itemId,
  attachments,
  pending,
  refused,
  onAdd,
  onRefuse,
  onRemovePending,
  onRemoveRefused,
  onDelete,
  disabled,
}: Props) {
  const entries: Entry[] = [
    ...attachments.map((a) => ({
      key: `a${a.id}`,
      name: a.filename,
      remove: () => onDelete(a),
      content: (
        <>
          <a href={attachmentUrl(itemId!, a.id)} download={a.filename}>
            <PaperClipOutlined /> {a.filename}
          </a>
          <Typography.Text type="secondary"> {fileSize(a.size)}</Typography.Text>
        </>
      ),
    })),
    ...pending.map((f, i) => ({
      key: `p${i}-${f.name}`,
      name: f.name,
      remove: () => onRemovePending(f),
      content: (
        <>
          <PaperClipOutlined /> {f.name} <Tag>待上传</Tag>
        </>
      ),
    })),
    ...refused.map((r, i) => ({
      key: `r${i}-${r.name}`,
      name: r.name,
      remove: () => onRemoveRefused(r),
      content: (
        <Typography.Text type="danger">
          <PaperClipOutlined /> {r.name} <Tag color="error">未被接受</Tag>
          {r.message}
        </Typography.Text>
      ),
    })),
  ];
  return (
    <>
      <Upload.Dragger
        multiple
        accept={ACCEPT_ATTRIBUTE}
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(file) => {
          if (!isAcceptedFile(file.name)) onRefuse({ name: file.name, message: '不是 Word、PDF、JPG 或 PNG 文件' });
          else onAdd(file);
          // The page uploads it itself (after the draft is saved).
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">将详细材料拖到这里，或点击选择文件</p>
        <p className="ant-upload-hint">
          支持 .docx .doc .pdf .jpg .png；{itemId ? '选择后立即上传' : '保存草稿时一并上传'}
        </p>
      </Upload.Dragger>
      {entries.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 8 }}
          dataSource={entries}
          renderItem={(entry) => (
            <List.Item
              actions={[
                <Button
                  key="delete"
                  type="text"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={`删除附件 ${entry.name}`}
                  onClick={entry.remove}
                  disabled={disabled}
                />,
              ]}
            >
              <Typography.Text ellipsis style={{ minWidth: 0 }}>
                {entry.content}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </>
  );
}

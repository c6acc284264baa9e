/** Drag-and-drop attachments: queued until the draft is saved, then uploaded; saved ones can be opened or deleted. */
import { DeleteOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, List, Tag, Typography, Upload } from 'antd';
import { attachmentUrl, fileSize } from '../../../items/detail/service';
import type { ItemAttachment } from '../../../items/detail/types';
import { ACCEPT_ATTRIBUTE, isAcceptedFile } from '../service';

interface Props {
  itemId: number | undefined;
  attachments: ItemAttachment[];
  pending: File[];
  onAdd(file: File): void;
  onRemovePending(file: File): void;
  onDelete(attachment: ItemAttachment): void;
  disabled?: boolean;
}

export function AttachmentsField({ itemId, attachments, pending, onAdd, onRemovePending, onDelete, disabled }: Props) {
  const { message } = App.useApp();
  return (
    <>
      <Upload.Dragger
        multiple
        accept={ACCEPT_ATTRIBUTE}
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(file) => {
          if (!isAcceptedFile(file.name)) message.error(`“${file.name}”不是 Word、PDF、JPG 或 PNG 文件`);
          else onAdd(file);
          // The page uploads it itself (after the draft is saved).
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">将详细材料拖到这里，或点击选择文件</p>
        <p className="ant-upload-hint">支持 .docx .doc .pdf .jpg .png；{itemId ? '选择后立即上传' : '保存草稿时一并上传'}</p>
      </Upload.Dragger>
      {(attachments.length > 0 || pending.length > 0) && (
        <List
          size="small"
          style={{ marginTop: 8 }}
          dataSource={[...attachments.map((a) => ({ key: `a${a.id}`, attachment: a })), ...pending.map((f, i) => ({ key: `p${i}-${f.name}`, file: f }))]}
          renderItem={(entry) => (
            <List.Item
              actions={[
                <Button
                  key="delete"
                  type="text"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={`删除附件 ${'attachment' in entry ? entry.attachment!.filename : entry.file!.name}`}
                  onClick={() => ('attachment' in entry ? onDelete(entry.attachment!) : onRemovePending(entry.file!))}
                  disabled={disabled}
                />,
              ]}
            >
              {'attachment' in entry ? (
                <Typography.Text ellipsis style={{ minWidth: 0 }}>
                  <a href={attachmentUrl(itemId!, entry.attachment!.id)} download={entry.attachment!.filename}><PaperClipOutlined /> {entry.attachment!.filename}</a>
                  <Typography.Text type="secondary"> {fileSize(entry.attachment!.size)}</Typography.Text>
                </Typography.Text>
              ) : (
                <Typography.Text ellipsis style={{ minWidth: 0 }}>
                  <PaperClipOutlined /> {entry.file!.name} <Tag>待上传</Tag>
                </Typography.Text>
              )}
            </List.Item>
          )}
        />
      )}
    </>
  );
}

/**
 * 台账导入: the server checks the whole file first and the page lists every problem by line;
 * only a file without problems is previewed, and only 确认导入 stores it (the same file is sent
 * again, so nothing waits on the server between the two steps).
 */
import { CheckCircleOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Result, Row, Space, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { MAX_IMPORT_BYTES, MAX_SPREADSHEET_BYTES } from '@shared/limits';
import { ApiError } from '../../../http';
import {
  ACCEPTED_EXTENSIONS,
  TEMPLATE_URL,
  isAcceptedFile,
  positionOf,
  problemsOf,
  totalOf,
  uploadLedger,
} from './service';
import type { ImportPreview, ImportProblem } from '@shared/api/imports';

type Step =
  | { name: 'idle' }
  | { name: 'checking'; file: File }
  | { name: 'refused'; file: File; message: string; problems: ImportProblem[] }
  | { name: 'preview'; file: File; preview: ImportPreview }
  | { name: 'storing'; file: File; preview: ImportPreview }
  | { name: 'stored'; file: File; preview: ImportPreview };

const MB = Math.round(MAX_IMPORT_BYTES / 1024 / 1024);
// The server's default, shown as a hint only: the server decides, and GOVINFO_MAX_SPREADSHEET_MB may change it.
const SPREADSHEET_MB = Math.round(MAX_SPREADSHEET_BYTES / 1024 / 1024);

export default function ImportPage() {
  const [step, setStep] = useState<Step>({ name: 'idle' });

  const fail = (file: File, error: unknown) => {
    const message = error instanceof ApiError ? error.message : '导入失败，请稍后重试';
    setStep({ name: 'refused', file, message, problems: problemsOf(error) ?? [] });
  };

  const check = async (file: File) => {
    if (!isAcceptedFile(file.name)) {
      setStep({
        name: 'refused',
        file,
        message: `不支持的文件“${file.name}”，请上传 ${ACCEPTED_EXTENSIONS.join('、')} 文件`,
        problems: [],
      });
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setStep({
        name: 'refused',
        file,
        message: `文件过大：单个台账文件最多 ${MB} MB，请按年度或记录类型拆分后分别导入`,
        problems: [],
      });
      return;
    }
    setStep({ name: 'checking', file });
    try {
      setStep({ name: 'preview', file, preview: await uploadLedger(file, true) });
    } catch (error) {
      fail(file, error);
    }
  };

  const confirm = async (file: File, preview: ImportPreview) => {
    setStep({ name: 'storing', file, preview });
    try {
      setStep({ name: 'stored', file, preview: await uploadLedger(file, false) });
    } catch (error) {
      fail(file, error);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="台账导入"
        extra={
          <Button icon={<DownloadOutlined />} href={TEMPLATE_URL}>
            下载导入模板
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          上传 .xlsx、.csv 或 .jsonl 台账文件（.csv、.jsonl 最大 {MB} MB，.xlsx 最大 {SPREADSHEET_MB}{' '}
          MB）。系统先检查整个文件，列出每个问题所在的行；没有问题时显示将导入的记录，确认后才存储。已存储的相同记录会被跳过，重复导入不会重复计分。
        </Typography.Paragraph>
        {step.name === 'stored' ? (
          <Result
            status="success"
            title="导入完成"
            subTitle={`“${step.file.name}”：新增 ${totalOf(step.preview, 'stored')} 条记录，跳过 ${totalOf(step.preview, 'skipped')} 条已存在的相同记录；得分已重新计算。`}
            extra={
              <Button type="primary" onClick={() => setStep({ name: 'idle' })}>
                继续导入其他文件
              </Button>
            }
          />
        ) : (
          <Spin
            spinning={step.name === 'checking' || step.name === 'storing'}
            description={step.name === 'storing' ? '正在导入…' : '正在检查文件…'}
          >
            <Upload.Dragger
              accept={ACCEPTED_EXTENSIONS.join(',')}
              multiple={false}
              showUploadList={false}
              disabled={step.name === 'checking' || step.name === 'storing'}
              beforeUpload={(file) => {
                void check(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或将台账文件拖到此处</p>
              <p className="ant-upload-hint">支持 {ACCEPTED_EXTENSIONS.join('、')}；CSV 请保存为 UTF-8 编码</p>
            </Upload.Dragger>
          </Spin>
        )}
      </Card>

      {step.name === 'refused' && <Problems message={step.message} problems={step.problems} />}
      {(step.name === 'preview' || step.name === 'storing') && (
        <Preview
          preview={step.preview}
          storing={step.name === 'storing'}
          onConfirm={() => void confirm(step.file, step.preview)}
          onCancel={() => setStep({ name: 'idle' })}
        />
      )}
    </Space>
  );
}

function Problems({ message, problems }: { message: string; problems: ImportProblem[] }) {
  return (
    <Card title={problems.length > 0 ? `发现 ${problems.length} 个问题` : '无法导入'}>
      <Alert
        type="error"
        showIcon
        title={message}
        description="未存储任何记录。请按下表修改文件后重新上传。"
        style={{ marginBottom: problems.length > 0 ? 16 : 0 }}
      />
      {problems.length > 0 && (
        <Table<ImportProblem>
          size="small"
          rowKey={(_, index) => String(index)}
          dataSource={problems}
          scroll={{ x: true }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个问题` }}
          columns={[
            { title: '文件', dataIndex: 'file', width: 140 },
            { title: '位置', key: 'position', width: 150, render: (_, p) => positionOf(p) },
            { title: '字段', dataIndex: 'field', width: 150, render: (field: string | null) => field ?? '—' },
            {
              title: '值',
              dataIndex: 'value',
              width: 140,
              render: (value: string | null) =>
                value === null ? '—' : <Typography.Text code>{value}</Typography.Text>,
            },
            {
              title: '问题',
              dataIndex: 'message',
              render: (text: string) => <span style={{ whiteSpace: 'normal' }}>{text}</span>,
            },
          ]}
        />
      )}
    </Card>
  );
}

function Preview({
  preview,
  storing,
  onConfirm,
  onCancel,
}: {
  preview: ImportPreview;
  storing: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const stored = totalOf(preview, 'stored');
  return (
    <Card title={`检查通过：“${preview.file}”`}>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Alert
            type={stored > 0 ? 'success' : 'info'}
            showIcon
            icon={<CheckCircleOutlined />}
            title={
              stored > 0
                ? `文件没有问题，确认后将新增 ${stored} 条记录，跳过 ${totalOf(preview, 'skipped')} 条已存在的相同记录。`
                : '文件中的记录都已存在，导入不会改变任何数据。'
            }
          />
        </Col>
        {preview.warnings.length > 0 && (
          <Col xs={24}>
            <Alert
              type="warning"
              showIcon
              title={`${preview.warnings.length} 条提醒（不影响导入）`}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {preview.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              }
            />
          </Col>
        )}
        <Col xs={24}>
          <Table
            size="small"
            rowKey="type"
            pagination={false}
            scroll={{ x: true }}
            dataSource={preview.counts}
            columns={[
              { title: '记录类型', dataIndex: 'name' },
              { title: '将新增', dataIndex: 'stored', align: 'right' },
              { title: '跳过（已存在且相同）', dataIndex: 'skipped', align: 'right' },
            ]}
          />
        </Col>
        <Col xs={24}>
          <Space wrap>
            <Button type="primary" loading={storing} disabled={stored === 0} onClick={onConfirm}>
              确认导入
            </Button>
            <Button disabled={storing} onClick={onCancel}>
              取消
            </Button>
          </Space>
        </Col>
      </Row>
    </Card>
  );
}

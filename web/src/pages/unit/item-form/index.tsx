/**
 * 新建 / 修改信息稿件: every element the policy asks for (标题、正文、单位、签发人、报送人、公开属性、
 * 联系电话、日期), the （政务信息） mark, a live count against 一般450字内, category, source, the
 * major/sensitive steps, 密级 and attachments. Validates as you type; a refusal keeps what was typed.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { todayInChina } from '@domain/dates';
import { useRef, useState } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { pathOf } from '../../../access';
import { ApiError } from '../../../http';
import { applyFieldErrors } from '../../../lib/form-errors';
import { BODY_GUIDELINE_CHARACTERS, CLASSIFIED_LEVELS, ITEM_CATEGORIES, TITLE_MARK } from '../../../lib/labels';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';
import { isEditable, loadItem, transition } from '../../items/detail/service';
import type { ItemAttachment, ItemDetail } from '../../items/detail/types';
import { AttachmentsField } from './components/AttachmentsField';
import { ReviewerNotice } from './components/ReviewerNotice';
import { SolicitationNotice } from './components/SolicitationNotice';
import {
  SOLICITED_CATEGORY,
  bodyCount,
  createItem,
  deleteAttachment,
  isClassified,
  isPhoneNumber,
  loadSolicitation,
  titlePreview,
  updateItem,
  uploadAttachment,
  type ItemFormValues,
  type RefusedFile,
} from './service';

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'];

export default function ItemFormPage() {
  const { id } = useParams();
  const itemId = id === undefined ? undefined : Number(id);
  const {
    data: item,
    error,
    reload,
  } = useRequest((signal) => (itemId === undefined ? Promise.resolve(undefined) : loadItem(itemId, signal)), [itemId]);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const solicitationId =
    itemId === undefined && params.get('solicitation') ? Number(params.get('solicitation')) : undefined;
  const solicitation = useRequest(
    (signal) => (solicitationId ? loadSolicitation(solicitationId, signal) : Promise.resolve(null)),
    [solicitationId]
  );

  if (solicitationId && solicitation.loading)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (itemId !== undefined) {
    if (error) {
      const missing = error instanceof ApiError && error.status === 404;
      return (
        <Result
          status={missing ? '404' : 'error'}
          title={missing ? '稿件不存在或您无权查看' : '稿件暂时无法打开'}
          subTitle={missing ? '只能修改本单位的稿件。' : error.message}
          extra={
            <Button type="primary" onClick={() => navigate(pathOf('unitItems'))}>
              返回本单位稿件
            </Button>
          }
        />
      );
    }
    if (!item)
      return (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      );
    if (!isEditable(item.status)) {
      return (
        <Result
          status="info"
          title={`稿件“${item.statusName}”，不能修改`}
          subTitle="只有草稿和被退回的稿件可以修改；已提交审核的稿件可在详情页撤回后再修改。"
          extra={
            <Button type="primary" onClick={() => navigate(pathOf('itemDetail', { id: item.id }))}>
              查看稿件
            </Button>
          }
        />
      );
    }
  }
  return (
    <ItemForm
      key={item?.id ?? `new-${solicitationId ?? ''}`}
      item={item}
      onSaved={reload}
      answering={solicitation.data ?? undefined}
      answeringMissing={Boolean(solicitationId) && !solicitation.data}
    />
  );
}

function ItemForm({
  item,
  onSaved,
  answering,
  answeringMissing,
}: {
  item: ItemDetail | undefined;
  onSaved(): void;
  answering?: { id: number; title: string; deadline: string };
  answeringMissing: boolean;
}) {
  const user = useUser();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  // Files refused when the draft was first saved come along to its edit page, with what happened.
  const handedOver = location.state as { refused?: RefusedFile[]; notice?: string } | null;
  const [refused, setRefused] = useState<RefusedFile[]>(() => handedOver?.refused ?? []);
  const [refusalNotice, setRefusalNotice] = useState<string | undefined>(() => handedOver?.notice);
  const [attachmentsChecked, setAttachmentsChecked] = useState(false);
  const [reviewedBy, setReviewedBy] = useState<string>();
  const [form] = Form.useForm<ItemFormValues>();
  const [busy, setBusy] = useState<'draft' | 'submit'>();
  const [problem, setProblem] = useState<string>();
  const [pending, setPending] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  // The item once saved: a second save of a new form updates it rather than drafting another.
  const saved = useRef<{ id: number; version: number } | null>(item ? { id: item.id, version: item.version } : null);
  if (item && saved.current && saved.current.id === item.id && item.version > saved.current.version)
    saved.current = { id: item.id, version: item.version };

  const title = Form.useWatch('title', form);
  const body = Form.useWatch('body', form);
  const isPublic = Form.useWatch('isPublic', form);
  const isOutsideRemit = Form.useWatch('isOutsideRemit', form);
  const isMajor = Form.useWatch('isMajor', form);
  const count = bodyCount(body);
  const preview = titlePreview(title);

  const initialValues: Partial<ItemFormValues> = item
    ? {
        title: item.title,
        body: item.body ?? '',
        category: item.category ?? undefined,
        signer: item.signer ?? '',
        reporter: item.reporter ?? '',
        phone: item.phone ?? '',
        isPublic: item.isPublic,
        isOutsideRemit: Boolean(item.source),
        source: item.source ?? '',
        isMajor: item.isMajor,
        secrecy: '',
      }
    : {
        isPublic: true,
        isOutsideRemit: false,
        isMajor: false,
        secrecy: '',
        reporter: user.displayName,
        signer: '',
        ...(answering ? { category: SOLICITED_CATEGORY } : {}),
      };

  /** Uploads the files; those refused leave the queue for the refused list, shown on the field. */
  const uploadAll = async (itemId: number, files: File[]): Promise<RefusedFile[]> => {
    const failures: RefusedFile[] = [];
    for (const file of files) {
      try {
        await uploadAttachment(itemId, file);
      } catch (error) {
        failures.push({ name: file.name, message: error instanceof ApiError ? error.message : '上传失败，请重试' });
      }
      setPending((list) => list.filter((f) => f !== file));
    }
    if (failures.length > 0) setRefused((list) => [...list, ...failures]);
    return failures;
  };

  const save = async (submit: boolean) => {
    if (submit && refused.length > 0) {
      // An item goes to review with every attachment it was meant to carry, or none refused.
      setAttachmentsChecked(true);
      document.getElementById('item-attachments')?.scrollIntoView({ block: 'center' });
      return;
    }
    let values: ItemFormValues;
    try {
      values = await form.validateFields();
    } catch {
      form.scrollToField(form.getFieldsError().find((f) => f.errors.length > 0)?.name ?? 'title');
      return;
    }
    setBusy(submit ? 'submit' : 'draft');
    setProblem(undefined);
    try {
      let warnings: string[];
      let id: number;
      if (saved.current) {
        ({ warnings } = await updateItem(saved.current.id, saved.current.version, values));
        id = saved.current.id;
        saved.current = { id, version: saved.current.version + 1 };
      } else {
        ({ id, warnings } = await createItem(values, answering?.id));
        saved.current = { id, version: 1 };
      }
      const failures = await uploadAll(id, pending);
      if (warnings.length > 0) message.warning(warnings.join('；'));
      if (failures.length > 0) {
        setAttachmentsChecked(true);
        const notice = `稿件已保存为草稿${submit ? '，但未提交审核' : ''}：有附件未被接受，请移除或换成 Word、PDF、JPG、PNG 文件后再提交。`;
        setRefusalNotice(notice);
        if (!item)
          void navigate(pathOf('itemEdit', { id }), {
            replace: true,
            state: { refused: [...refused, ...failures], notice },
          });
        else onSaved();
        return;
      }
      if (submit) {
        const fresh = await loadItem(id);
        await transition(id, fresh.version, 'submit_for_review');
        message.success(reviewedBy ? `已提交，${reviewedBy.replace(/^.*提交后/, '')}` : '已保存并提交本单位领导审核');
        void navigate(pathOf('itemDetail', { id }));
        return;
      }
      message.success('草稿已保存');
      if (!item) void navigate(pathOf('itemEdit', { id }), { replace: true, state: { refused } });
      else onSaved();
    } catch (error) {
      if (error instanceof ApiError) {
        const rest = applyFieldErrors(form, error);
        setProblem(rest ?? (error.fields.length > 0 ? '请按提示修改标红的内容' : undefined));
        if (error.status === 409) onSaved();
      } else {
        setProblem('保存失败，请重试');
      }
    } finally {
      setBusy(undefined);
    }
  };

  const addFile = async (file: File) => {
    if (!saved.current) {
      setPending((list) => [...list, file]);
      return;
    }
    setUploading(true);
    const failures = await uploadAll(saved.current.id, [file]).finally(() => setUploading(false));
    if (failures.length === 0) {
      message.success(`已上传“${file.name}”`);
      onSaved();
    }
  };

  const removeAttachment = async (attachment: ItemAttachment) => {
    try {
      await deleteAttachment(saved.current!.id, attachment.id);
      message.success(`已删除“${attachment.filename}”`);
      onSaved();
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : '删除失败');
    }
  };

  return (
    <Card title={item ? '修改信息稿件' : '撰写信息稿件'} styles={{ body: { paddingTop: 8 } }}>
      {item?.status === 'returned' && item.returnReason && (
        <Alert
          type="error"
          showIcon
          title="稿件被退回修改"
          description={`退回意见：${item.returnReason}`}
          style={{ marginBottom: 16 }}
        />
      )}
      {answering && <SolicitationNotice solicitation={answering} />}
      {answeringMissing && (
        <Alert
          type="warning"
          showIcon
          title="要回复的约稿不存在或已不面向本单位；本稿将作为普通稿件保存"
          style={{ marginBottom: 16 }}
        />
      )}
      {refusalNotice && refused.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="附件未被接受"
          description={refusalNotice}
          style={{ marginBottom: 16 }}
          role="alert"
        />
      )}
      {problem && (
        <Alert type="error" showIcon title="未能保存" description={problem} style={{ marginBottom: 16 }} role="alert" />
      )}
      <Form<ItemFormValues> form={form} layout="vertical" initialValues={initialValues} scrollToFirstError>
        <Form.Item
          label="标题"
          name="title"
          rules={[
            { required: true, whitespace: true, message: '请填写标题' },
            { max: 200, message: '标题不能超过 200 字' },
          ]}
          extra={
            preview ? (
              <span>
                报送时的标题：<Typography.Text strong>{preview}</Typography.Text>
              </span>
            ) : (
              `标题后将自动注明“${TITLE_MARK}”`
            )
          }
        >
          <Input placeholder="一句话概括信息的主要内容" maxLength={200} />
        </Form.Item>

        <Form.Item
          label="正文"
          name="body"
          rules={[
            { required: true, whitespace: true, message: '请填写正文' },
            { max: 20000, message: '正文不能超过 20000 字' },
            {
              warningOnly: true,
              validator: (_, value: string | undefined) =>
                bodyCount(value).over
                  ? Promise.reject(
                      new Error(
                        `正文超过一般 ${BODY_GUIDELINE_CHARACTERS} 字的要求，可以保存；建议精简正文，详细材料作为 Word 附件报送`
                      )
                    )
                  : Promise.resolve(),
            },
          ]}
          extra={
            <Typography.Text type={count.over ? 'warning' : 'secondary'} aria-live="polite" data-testid="body-count">
              正文字数：{count.text}（不计空格和换行）
            </Typography.Text>
          }
        >
          <Input.TextArea
            autoSize={{ minRows: 8, maxRows: 24 }}
            placeholder={`经过整理、编辑的信息，一般 ${BODY_GUIDELINE_CHARACTERS} 字内`}
          />
        </Form.Item>

        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="报送单位" htmlFor="item-unit" extra="只能报送本单位的信息">
              <Input id="item-unit" value={user.unit?.name ?? ''} readOnly variant="filled" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="日期" htmlFor="item-date" extra="报送区政府办公室时自动记为送出日期">
              <Input id="item-date" value={item?.submitted ?? todayInChina()} readOnly variant="filled" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="签发人"
              name="signer"
              rules={[{ max: 50, message: '不能超过 50 字' }]}
              extra="可留空：审核通过或主要领导签发时自动记录签发领导"
            >
              <Input placeholder="审核签发的单位领导" maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="报送人"
              name="reporter"
              rules={[
                { required: true, whitespace: true, message: '请填写报送人' },
                { max: 50, message: '不能超过 50 字' },
              ]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="联系电话"
              name="phone"
              rules={[
                { required: true, whitespace: true, message: '请填写联系电话' },
                {
                  validator: (_, value: string | undefined) =>
                    !value?.trim() || isPhoneNumber(value)
                      ? Promise.resolve()
                      : Promise.reject(new Error('联系电话格式不正确，应为手机号或带区号的固定电话，如 020-84888888')),
                },
              ]}
            >
              <Input inputMode="tel" placeholder="手机号或 020-84888888" maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="内容类别"
              name="category"
              rules={[{ required: true, message: '请选择内容类别' }]}
              extra="按《实施方案》第三部分“信息稿件的主要内容”"
            >
              <Select
                placeholder="请选择"
                showSearch={{ optionFilterProp: 'label' }}
                options={ITEM_CATEGORIES.map((c, i) => ({ value: c, label: `（${CHINESE_NUMBERS[i]}）${c}` }))}
              />
            </Form.Item>
          </Col>
        </Row>

        <Form.Item label="公开属性" name="isPublic" rules={[{ required: true, message: '请选择公开属性' }]}>
          <Radio.Group
            options={[
              { value: true, label: '公开' },
              { value: false, label: '不予公开' },
            ]}
          />
        </Form.Item>
        {isPublic === false && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: -12, marginBottom: 16 }}
            title="不予公开的信息不能被区政府门户网站政务公开栏目采用，只能被内部刊物采用。"
          />
        )}

        <Form.Item
          name="isOutsideRemit"
          valuePropName="checked"
          style={{ marginBottom: isOutsideRemit ? 8 : undefined }}
        >
          <Checkbox>非本单位职能范围内的信息（须注明来源）</Checkbox>
        </Form.Item>
        {isOutsideRemit && (
          <Form.Item
            label="来源"
            name="source"
            rules={[
              { required: true, whitespace: true, message: '非本单位职能范围内的信息须注明来源' },
              { max: 200, message: '不能超过 200 字' },
            ]}
          >
            <Input placeholder="如：区水务局提供" maxLength={200} />
          </Form.Item>
        )}

        <Form.Item name="isMajor" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>重大问题或敏感类信息</Checkbox>
        </Form.Item>
        {isMajor ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="重大问题和敏感类信息的报送步骤"
            description={
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                <li>提交后先由单位分管领导审核；</li>
                <li>审核通过后须经单位主要领导审核签发；</li>
                <li>除网上报送外另附书面稿件报送，并在稿件页登记书面稿件报送日期——登记后主要领导才能签发；</li>
                <li>必要时按保密规定确定密级，涉密信息不得通过本系统报送。</li>
              </ol>
            }
          />
        ) : null}

        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label="密级"
              name="secrecy"
              extra="秘密、机密、绝密信息一律不得进入本系统，须按保密规定另行报送"
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    isClassified(value)
                      ? Promise.reject(new Error(`涉密信息（${value}）不得通过本系统报送，请按保密规定另行报送`))
                      : Promise.resolve(),
                },
              ]}
            >
              <Select
                options={[
                  { value: '', label: '非涉密' },
                  ...CLASSIFIED_LEVELS.map((level) => ({ value: level, label: `${level}（不得报送）` })),
                ]}
              />
            </Form.Item>
          </Col>
        </Row>

        <Form.Item
          label="附件（详细材料）"
          validateStatus={refused.length > 0 ? 'error' : undefined}
          help={
            refused.length > 0
              ? `${refused.length} 个附件未被接受${attachmentsChecked ? '，提交前请先移除' : ''}：${refused.map((r) => `“${r.name}”${r.message}`).join('；')}`
              : undefined
          }
        >
          <div id="item-attachments">
            <AttachmentsField
              itemId={saved.current?.id}
              attachments={item?.attachments ?? []}
              pending={pending}
              refused={refused}
              onAdd={(file) => void addFile(file)}
              onRefuse={(file) => setRefused((list) => [...list, file])}
              onRemovePending={(file) => setPending((list) => list.filter((f) => f !== file))}
              onRemoveRefused={(file) => setRefused((list) => list.filter((f) => f !== file))}
              onDelete={(attachment) => void removeAttachment(attachment)}
              disabled={uploading || busy !== undefined}
            />
          </div>
        </Form.Item>

        <Space wrap>
          <Button onClick={() => void save(false)} loading={busy === 'draft'} disabled={busy === 'submit'}>
            保存草稿
          </Button>
          <Button
            type="primary"
            onClick={() => void save(true)}
            loading={busy === 'submit'}
            disabled={busy === 'draft' || refused.length > 0}
          >
            保存并提交审核
          </Button>
          <Button
            type="link"
            onClick={() => navigate(item ? pathOf('itemDetail', { id: item.id }) : pathOf('unitItems'))}
          >
            取消
          </Button>
          {refused.length > 0 && <Typography.Text type="danger">有附件未被接受，移除后才能提交审核</Typography.Text>}
        </Space>
        <ReviewerNotice onLoad={setReviewedBy} />
      </Form>
    </Card>
  );
}

/** 稿件详情: the item's elements, state, history, attachments, points, and what the current role may do with it. */
import { mailNote } from './mail-note';
import { PaperClipOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Grid,
  List,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { bodyLength } from '@domain/item-workflow';
import { useNavigate, useParams } from 'react-router';
import { PAGES, can } from '../../../access';
import { ApiError } from '../../../http';
import { BODY_GUIDELINE_CHARACTERS, STATUS_COLORS } from '../../../lib/labels';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';
import { EditorialPanel } from './components/EditorialPanel';
import { ItemActions } from './components/ItemActions';
import { ItemHistory } from './components/ItemHistory';
import { ItemPoints } from './components/ItemPoints';
import { attachmentUrl, chinaTime, fileSize, loadItem } from './service';
import { AttachmentViewer } from './components/AttachmentViewer';

export default function ItemDetailPage() {
  const { id } = useParams();
  const user = useUser();
  const navigate = useNavigate();
  // On a phone the actions come first, above the item's elements.
  const wide = Grid.useBreakpoint().lg === true;
  const itemId = Number(id);
  const valid = Number.isInteger(itemId) && itemId > 0;
  const {
    data: item,
    loading,
    error,
    reload,
  } = useRequest(
    (signal) => (valid ? loadItem(itemId, signal) : Promise.reject(new ApiError(404, 'not_found', '稿件不存在'))),
    [itemId]
  );

  if (error) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? '稿件不存在或您无权查看' : '稿件暂时无法打开'}
        subTitle={
          missing ? '各单位只能查看本单位的稿件；区政府办公室只能查看已报送的稿件。请从稿件列表进入。' : error.message
        }
        extra={
          <Button
            type="primary"
            onClick={() => navigate(can.isDistrictRole(user.role) ? PAGES.inbox.path : PAGES.unitItems.path)}
          >
            返回稿件列表
          </Button>
        }
      />
    );
  }
  if (!item || (loading && item.id !== itemId))
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );

  const length = item.body === null ? 0 : bodyLength(item.body);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Space wrap size={[8, 4]}>
          <Tag color={STATUS_COLORS[item.status]}>{item.statusName}</Tag>
          {item.isMajor && <Tag color="volcano">重大或敏感</Tag>}
          <Tag color={item.isPublic ? 'green' : 'orange'}>{item.isPublic ? '公开' : '不予公开'}</Tag>
          <Typography.Text type="secondary">{item.ref}</Typography.Text>
        </Space>
        <Typography.Title level={4} style={{ marginTop: 8, marginBottom: 0, wordBreak: 'break-word' }}>
          {item.title}
        </Typography.Title>
      </Col>

      {item.status === 'returned' && item.returnReason && (
        <Col xs={24}>
          <Alert type="error" showIcon title="稿件已退回修改" description={`退回意见：${item.returnReason}`} />
        </Col>
      )}
      {mailNote(item.history) && (
        <Col xs={24}>
          <Alert type="warning" showIcon title="邮件报送的稿件" description={mailNote(item.history)} />
        </Col>
      )}
      {item.status === 'not_adopted' && item.rejectionReason && (
        <Col xs={24}>
          <Alert type="info" showIcon title="稿件未被采用" description={`理由：${item.rejectionReason}`} />
        </Col>
      )}

      {!wide && (
        <Col xs={24}>
          <ItemActions item={item} onChange={reload} />
        </Col>
      )}
      <Col xs={24} lg={15}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title="稿件要素" size="small">
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
              <Descriptions.Item label="报送单位">{item.unit.name}</Descriptions.Item>
              <Descriptions.Item label="内容类别">{item.category ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="签发人">{item.signer ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="报送人">{item.reporter ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="联系电话">{item.phone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="日期">{item.submitted ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="公开属性">
                {item.isPublic ? '公开' : '不予公开（不能被门户网站采用）'}
              </Descriptions.Item>
              <Descriptions.Item label="来源">{item.source ?? '本单位职能范围内'}</Descriptions.Item>
              <Descriptions.Item label="重大或敏感">
                {item.isMajor ? `是${item.paperCopyOn ? `，书面稿件 ${item.paperCopyOn}` : '，书面稿件未登记'}` : '否'}
              </Descriptions.Item>
              <Descriptions.Item label="送出时间">
                {item.sentAt ? chinaTime(item.sentAt) : '尚未报送区政府办公室'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card
            title="正文"
            size="small"
            extra={
              item.body !== null && (
                <Typography.Text type={length > BODY_GUIDELINE_CHARACTERS ? 'warning' : 'secondary'}>
                  {length} 字
                </Typography.Text>
              )
            }
          >
            {item.body === null ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  item.origin === 'ledger' ? '此稿件由台账导入，台账只记录标题和采用情况，没有正文' : '没有正文'
                }
              />
            ) : (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', marginBottom: 0 }}>
                {item.body}
              </Typography.Paragraph>
            )}
          </Card>
          <Card title="附件" size="small">
            {item.attachments.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description="没有附件；详细材料可在修改稿件时以 Word 附件上传"
              />
            ) : (
              <List
                size="small"
                dataSource={item.attachments}
                renderItem={(a) => (
                  <List.Item>
                    <a href={attachmentUrl(item.id, a.id)} download={a.filename}>
                      <PaperClipOutlined /> {a.filename}
                    </a>
                    <Space size={4}>
                      <AttachmentViewer itemId={item.id} attachment={a} />
                      <Typography.Text type="secondary">{fileSize(a.size)}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
          {can.recordEditorial(user.role) && <EditorialPanel item={item} onChange={reload} />}
        </Space>
      </Col>

      <Col xs={24} lg={9}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {wide && <ItemActions item={item} onChange={reload} />}
          <ItemPoints item={item} showRecords={!can.recordEditorial(user.role)} />
          <Card title="处理记录" size="small">
            <ItemHistory history={item.history} />
          </Card>
        </Space>
      </Col>
    </Row>
  );
}

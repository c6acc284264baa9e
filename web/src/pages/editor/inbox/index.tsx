/**
 * 收稿箱: items sent to the district, filtered, searched and sorted on the server (the filters live in
 * the URL, so links such as the dashboard's `?status=submitted` open a ready view). Unsorted, it is
 * the work queue: 待接收, then 已接收, oldest first. Duplicate warnings per row, 接收并采用 per row, and
 * bulk receive / adopt into one issue / not-adopt on a selection.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Grid,
  Input,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { can, pathOf } from '../../../access';
import { AcceptDialog, type AcceptTarget } from '../../../components/AcceptDialog';
import { ExportButton } from '../../../components/ExportButton';
import { UnitPicker } from '../../../components/UnitPicker';
import { ITEM_CATEGORIES, ITEM_STATUSES, STATUS_COLORS } from '../../../lib/labels';
import { usePolicy } from '../../../lib/policy';
import { useSeries } from '../../../lib/units';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';
import { MailUpload } from './components/MailUpload';
import { RejectModal } from './components/RejectModal';
import { SimilarTag } from './components/SimilarTag';
import {
  ACCEPTABLE_STATUSES,
  BULK_ACTIONS,
  DISTRICT_STATUSES,
  bulkSummary,
  filtersFromUrl,
  filtersToUrl,
  highlightSegments,
  exportUrl,
  loadInbox,
  loadSimilar,
  runBulk,
  sortFromTable,
  sortOrderOf,
  splitSelection,
  transitionItem,
  type BulkKey,
} from './service';
import type { SimilarItem } from '@shared/api/items';
import { ITEM_COLUMNS } from '@shared/tables/item-columns';
import type { BulkOutcome, InboxFilters, InboxRow } from './service';

export default function InboxPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromUrl(params), [params]);
  const key = filtersToUrl(filters).toString();
  const { data, loading, reload } = useRequest((signal) => loadInbox(filters, signal), [key]);
  const ids = (data?.items ?? []).map((r) => r.id).join(',');
  // Warnings come after the rows: the page is usable before they arrive.
  const { data: similar } = useRequest(
    (signal) =>
      loadSimilar(ids ? ids.split(',').map(Number) : [], signal).catch((): Record<string, SimilarItem[]> => ({})),
    [ids]
  );
  const { policy } = usePolicy();
  const { data: series } = useSeries();
  const [typed, setTyped] = useState(filters.q ?? '');
  // The URL may change under the box (back button, a link): the box follows it.
  useEffect(() => setTyped(filters.q ?? ''), [filters.q]);
  const screens = Grid.useBreakpoint();
  const [moreFilters, setMoreFilters] = useState(false);
  const [selected, setSelected] = useState<Map<number, InboxRow>>(new Map());
  const [outcome, setOutcome] = useState<BulkOutcome>();
  const [busy, setBusy] = useState<BulkKey>();
  const [rejecting, setRejecting] = useState(false);
  const [accepting, setAccepting] = useState<AcceptTarget[]>();
  const { message } = App.useApp();
  const canAct = can.recordEditorial(user.role);

  const update = (changes: Partial<InboxFilters>) => setParams(filtersToUrl({ ...filters, page: 1, ...changes }));
  const selectedRows = [...selected.values()];
  const receivable = splitSelection(selectedRows, 'receive');
  const rejectable = splitSelection(selectedRows, 'reject');
  const adoptable = selectedRows.filter((r) => ACCEPTABLE_STATUSES.includes(r.status));

  const accepted = (text: string) => {
    message.success(text);
    setAccepting(undefined);
    setSelected(new Map());
    reload();
  };

  const bulk = async (which: BulkKey, comment?: string) => {
    const { eligible, skipped } = splitSelection(selectedRows, which);
    setBusy(which);
    try {
      const result = await runBulk(eligible, (row) => transitionItem(row, BULK_ACTIONS[which].action, comment));
      setOutcome({ label: BULK_ACTIONS[which].label, ...result, skipped });
      // Keep the failures selected, so they can be looked at and tried again.
      setSelected(new Map(result.failed.map((f) => [f.row.id, f.row])));
      setRejecting(false);
      reload();
    } finally {
      setBusy(undefined);
    }
  };

  const hasFilters = ['q', 'status', 'unitId', 'series', 'category', 'outlet', 'from', 'to'].some((name) =>
    params.has(name)
  );
  const otherFilters = ['status', 'unitId', 'series', 'category', 'outlet', 'from', 'to'].filter((name) =>
    params.has(name)
  ).length;
  // At phone width only the search shows at first; the other filters open on demand.
  const showAll = screens.md !== false || moreFilters;
  const emptyText = filters.q
    ? `没有标题或正文含“${filters.q}”的稿件`
    : hasFilters
      ? '没有符合筛选条件的稿件'
      : '还没有单位报送稿件';

  return (
    <Card
      title="收稿箱"
      extra={
        <Space>
          {user.role === 'editor' && <MailUpload onImported={reload} />}
          <ExportButton url={exportUrl(filters)} filename="收件箱" />
        </Space>
      }
    >
      <Form layout="vertical" component="div">
        <Row gutter={[12, 0]}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item label="全文搜索" htmlFor="inbox-q">
              <Input.Search
                id="inbox-q"
                placeholder="标题或正文中的词语，如：防汛"
                allowClear
                enterButton="搜索"
                value={typed}
                maxLength={50}
                onChange={(e) => setTyped(e.target.value)}
                onSearch={(value) => update({ q: value.trim() || undefined })}
              />
            </Form.Item>
            {!showAll && (
              <Button block style={{ marginBottom: 16 }} onClick={() => setMoreFilters(true)}>
                更多筛选{otherFilters ? `（已选 ${otherFilters} 项）` : ''}
              </Button>
            )}
          </Col>
          {showAll && (
            <>
              <Col xs={12} md={6} xl={4}>
                <Form.Item label="状态" htmlFor="inbox-status">
                  <Select
                    id="inbox-status"
                    allowClear
                    placeholder="全部状态"
                    value={filters.status}
                    onChange={(status) => update({ status })}
                    options={DISTRICT_STATUSES.map((s) => ({ value: s, label: ITEM_STATUSES[s] }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={6} xl={4}>
                <Form.Item label="采用载体" htmlFor="inbox-outlet">
                  <Select
                    id="inbox-outlet"
                    allowClear
                    placeholder="全部"
                    value={filters.outlet}
                    onChange={(outlet) => update({ outlet })}
                    options={Object.entries(policy?.outlets ?? {}).map(([code, outlet]) => ({
                      value: code,
                      label: outlet.name,
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12} xl={8}>
                <Form.Item label="报送日期" htmlFor="inbox-dates">
                  <DatePicker.RangePicker
                    id={{ start: 'inbox-dates' }}
                    style={{ width: '100%' }}
                    allowEmpty={[true, true]}
                    value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
                    onChange={(dates) =>
                      update({ from: dates?.[0]?.format('YYYY-MM-DD'), to: dates?.[1]?.format('YYYY-MM-DD') })
                    }
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12} xl={8}>
                <Form.Item label="报送单位" htmlFor="inbox-unit">
                  <UnitPicker
                    id="inbox-unit"
                    value={filters.unitId}
                    onChange={(unitId) => update({ unitId: (unitId as number | undefined) ?? undefined })}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={6} xl={8}>
                <Form.Item label="序列" htmlFor="inbox-series">
                  <Select
                    id="inbox-series"
                    allowClear
                    placeholder="全部序列"
                    value={filters.series}
                    onChange={(value) => update({ series: value })}
                    options={(series ?? []).map((s) => ({ value: s.code, label: s.name }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={6} xl={8}>
                <Form.Item label="内容类别" htmlFor="inbox-category">
                  <Select
                    id="inbox-category"
                    allowClear
                    placeholder="全部类别"
                    value={filters.category}
                    onChange={(category) => update({ category })}
                    options={ITEM_CATEGORIES.map((c) => ({ value: c, label: c }))}
                    popupMatchSelectWidth={false}
                  />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Form>

      {outcome && (
        <Alert
          style={{ marginBottom: 12 }}
          type={outcome.failed.length ? 'warning' : 'success'}
          showIcon
          title={bulkSummary(outcome)}
          description={
            outcome.failed.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {outcome.failed.map((f) => (
                  <li key={f.row.id}>
                    {f.row.title}：{f.message}
                  </li>
                ))}
              </ul>
            )
          }
          closable={{ onClose: () => setOutcome(undefined) }}
        />
      )}

      {canAct && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text>已选 {selected.size} 篇</Typography.Text>
          <Button
            type="primary"
            disabled={receivable.eligible.length === 0 || busy !== undefined}
            loading={busy === 'receive'}
            onClick={() => void bulk('receive')}
          >
            接收{receivable.eligible.length ? `（${receivable.eligible.length}）` : ''}
          </Button>
          <Button disabled={adoptable.length === 0 || busy !== undefined} onClick={() => setAccepting(adoptable)}>
            采用到同一期{adoptable.length ? `（${adoptable.length}）` : ''}
          </Button>
          <Button
            danger
            disabled={rejectable.eligible.length === 0 || busy !== undefined}
            onClick={() => setRejecting(true)}
          >
            不予采用{rejectable.eligible.length ? `（${rejectable.eligible.length}）` : ''}
          </Button>
          {selected.size > 0 && (
            <Button type="link" onClick={() => setSelected(new Map())}>
              清除选择
            </Button>
          )}
        </Space>
      )}

      {!filters.sort && !hasFilters && (data?.total ?? 0) > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          按待办顺序排列：待接收在前，其次已接收待处理，各按报送日期由早到晚；点列标题可改为按日期、单位、状态或得分排序。
        </Typography.Paragraph>
      )}
      <Table<InboxRow>
        rowKey="id"
        loading={loading}
        onChange={(_, tableFilters, sorter, extra) => {
          if (extra.action === 'paginate') return;
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          const first = (name: string) => (tableFilters[name]?.[0] as string | undefined) ?? undefined;
          update({
            ...sortFromTable(one?.columnKey, one?.order),
            status: first('status') as InboxFilters['status'],
            series: first('unit'),
            category: first('category'),
          });
        }}
        dataSource={data?.items ?? []}
        scroll={{ x: 720 }}
        rowSelection={
          canAct
            ? {
                selectedRowKeys: [...selected.keys()],
                preserveSelectedRowKeys: true,
                onChange: (keys, rows) => {
                  // Rows of other pages are kept from before; the current page's come from antd.
                  const next = new Map<number, InboxRow>();
                  for (const id of keys as number[]) {
                    const row = rows.find((r) => r?.id === id) ?? selected.get(id);
                    if (row) next.set(id, row);
                  }
                  setSelected(next);
                },
                getTitleCheckboxProps: () => ({ 'aria-label': '选择本页全部稿件' }),
                getCheckboxProps: (row) => ({ 'aria-label': `选择 ${row.title}` }),
              }
            : undefined
        }
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 篇`,
          onChange: (page, pageSize) =>
            setParams(filtersToUrl({ ...filters, page: pageSize === filters.pageSize ? page : 1, pageSize })),
        }}
        locale={{
          emptyText: loading ? (
            ' '
          ) : (
            <Empty description={emptyText}>
              {hasFilters && (
                <Button
                  onClick={() => {
                    setTyped('');
                    setParams(new URLSearchParams());
                  }}
                >
                  清除筛选条件
                </Button>
              )}
            </Empty>
          ),
        }}
        columns={[
          {
            title: ITEM_COLUMNS.title,
            dataIndex: 'title',
            render: (title: string, row) => (
              <span style={{ wordBreak: 'break-word' }}>
                <Link to={pathOf('itemDetail', { id: row.id })}>
                  {highlightSegments(title, filters.q).map((s, i) =>
                    s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>
                  )}
                </Link>
                {row.isMajor && (
                  <Tag color="volcano" style={{ marginInlineStart: 8 }}>
                    重大
                  </Tag>
                )}
                {!row.isPublic && (
                  <Tag color="orange" style={{ marginInlineStart: 8 }}>
                    不予公开
                  </Tag>
                )}
                {similar?.[String(row.id)] && <SimilarTag similar={similar[String(row.id)]} />}
              </span>
            ),
          },
          {
            title: ITEM_COLUMNS.unit,
            key: 'unit',
            width: 140,
            render: (_, row) => row.unit.name,
            sorter: true,
            sortOrder: sortOrderOf(filters, 'unit'),
            filters: (series ?? []).map((s) => ({ value: s.code, text: s.name })),
            filterMultiple: false,
            filteredValue: filters.series ? [filters.series] : null,
          },
          {
            title: ITEM_COLUMNS.status,
            key: 'status',
            dataIndex: 'status',
            width: 130,
            render: (s: InboxRow['status'], row) => <Tag color={STATUS_COLORS[s]}>{row.statusName}</Tag>,
            sorter: true,
            sortOrder: sortOrderOf(filters, 'status'),
            filters: DISTRICT_STATUSES.map((s) => ({ value: s, text: ITEM_STATUSES[s] })),
            filterMultiple: false,
            filteredValue: filters.status ? [filters.status] : null,
          },
          {
            title: ITEM_COLUMNS.category,
            key: 'category',
            dataIndex: 'category',
            responsive: ['lg'],
            render: (c: string | null) => c ?? '—',
            filters: ITEM_CATEGORIES.map((c) => ({ value: c, text: c })),
            filterMultiple: false,
            filteredValue: filters.category ? [filters.category] : null,
          },
          {
            title: ITEM_COLUMNS.submitted,
            key: 'submitted',
            dataIndex: 'submitted',
            width: 120,
            sorter: true,
            sortOrder: sortOrderOf(filters, 'submitted'),
          },
          {
            title: ITEM_COLUMNS.points,
            key: 'points',
            dataIndex: 'points',
            width: 90,
            align: 'right',
            sorter: true,
            sortOrder: sortOrderOf(filters, 'points'),
          },
          ...(canAct
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, row: InboxRow) =>
                    ACCEPTABLE_STATUSES.includes(row.status) && (
                      <Button
                        size="small"
                        type={row.status === 'submitted' ? 'primary' : 'default'}
                        aria-label={`接收并采用 ${row.title}`}
                        onClick={() => setAccepting([row])}
                      >
                        {row.status === 'submitted' ? '接收并采用' : '采用'}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />

      {accepting && (
        <AcceptDialog items={accepting} policy={policy} onClose={() => setAccepting(undefined)} onSaved={accepted} />
      )}
      <RejectModal
        open={rejecting}
        count={rejectable.eligible.length}
        busy={busy === 'reject'}
        onCancel={() => setRejecting(false)}
        onConfirm={(reason) => void bulk('reject', reason)}
      />
    </Card>
  );
}

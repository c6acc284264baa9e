/** 疑似重复: a warning tag on an inbox row, listing the look-alike items on hover or focus. */
import { WarningOutlined } from '@ant-design/icons';
import { Popover, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { pathOf } from '../../../../access';
import { SIMILAR_REASONS } from '../../../items/detail/components/editorial-service';
import type { SimilarItem } from '@shared/api/items';

export function SimilarTag({ similar }: { similar: SimilarItem[] }) {
  const content = (
    <div style={{ maxWidth: 360 }}>
      <Typography.Text type="secondary">与以下稿件疑似重复，请核对是否重复报送：</Typography.Text>
      <ul style={{ paddingLeft: 18, margin: '8px 0 0' }}>
        {similar.map((s) => (
          <li key={s.id}>
            <Link to={pathOf('itemDetail', { id: s.id })}>{s.title}</Link>
            <Typography.Text type="secondary">
              {' '}
              · {s.unit.name} · {s.submitted} · {SIMILAR_REASONS[s.reason]}（{Math.round(s.score * 100)}%）
            </Typography.Text>
          </li>
        ))}
      </ul>
    </div>
  );
  return (
    <Popover content={content} title="疑似重复" trigger={['hover', 'focus', 'click']}>
      <Tag color="warning" icon={<WarningOutlined />} tabIndex={0} style={{ cursor: 'pointer', marginInlineStart: 8 }}>
        疑似重复 {similar.length}
      </Tag>
    </Popover>
  );
}

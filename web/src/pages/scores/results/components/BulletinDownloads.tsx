/** Word / PDF / Excel downloads of a quarter's bulletin (《番府信息》工作通讯). */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { BULLETIN_FORMATS, bulletinUrl, periodTitle } from '../service';

export function BulletinDownloads({
  id,
  year,
  quarter,
  size = 'middle',
}: {
  id: number;
  year: number;
  quarter: number;
  size?: 'small' | 'middle';
}) {
  return (
    <Space wrap size={8}>
      {BULLETIN_FORMATS.map(({ format, label }) => (
        <Button
          key={format}
          size={size}
          icon={<DownloadOutlined />}
          href={bulletinUrl(id, format)}
          download={`${year}年第${quarter}季度工作通讯.${format}`}
          aria-label={`下载${periodTitle(year, quarter)}工作通讯（${label}）`}
        >
          {label}
        </Button>
      ))}
    </Space>
  );
}

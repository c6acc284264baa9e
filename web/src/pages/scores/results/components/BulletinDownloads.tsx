/** Word / PDF / Excel downloads of a quarter's bulletin (《番府信息》工作通讯). */
import { Space } from 'antd';
import { DocumentButton } from '../../../../components/DocumentButton';
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
        <DocumentButton
          key={format}
          size={size}
          url={bulletinUrl(id, format)}
          filename={`${year}年第${quarter}季度工作通讯.${format}`}
          aria-label={`下载${periodTitle(year, quarter)}工作通讯（${label}）`}
        >
          {label}
        </DocumentButton>
      ))}
    </Space>
  );
}

import { Empty } from 'antd';

export function PagePlaceholder() {
  return <Empty description="此页面正在建设中" />;
}

/**
 * One per route: a page that throws while rendering shows what went wrong in Chinese with a way
 * back, instead of leaving the whole window white. The menu and header stay usable around it.
 */
import { Button, Result, Typography } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Where "返回工作台" leads. */
  homePath: string;
}

interface State {
  error: Error | null;
}

export class RouteErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever opens the browser console when reporting the problem.
    console.warn('页面渲染出错', error, info.componentStack);
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Result
        status="error"
        title="此页面出现错误，暂时无法显示"
        subTitle={
          <>
            已保存的数据不受影响。请重新加载此页；如仍出错，请把下面的错误信息告知系统管理员。
            <br />
            <Typography.Text type="secondary" code>
              {error.message}
            </Typography.Text>
          </>
        }
        extra={[
          <Button key="reload" type="primary" onClick={() => window.location.reload()}>
            重新加载此页
          </Button>,
          <Button key="home" href={this.props.homePath}>
            返回工作台
          </Button>,
        ]}
      />
    );
  }
}

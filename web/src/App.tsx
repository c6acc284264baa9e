/** The app: Chinese locale, the session, the one error handler, and the routes. */
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { PAGES, canOpen, type PageKey } from './access';
import { usePrefersReducedMotion } from './lib/reduced-motion';
import { setErrorHandler } from './http';
import { RouteErrorBoundary } from './components/RouteErrorBoundary';
import { AppLayout } from './layout/AppLayout';
import { RestrictedLayout } from './layout/RestrictedLayout';
import LoginPage from './pages/login';
import { PAGE_COMPONENTS } from './routes';
import { SessionProvider, useSession } from './session';

dayjs.locale('zh-cn');

export function App() {
  // Dialogs zoom, lists slide and buttons ripple unless the person's system asks for less motion.
  const motion = !usePrefersReducedMotion();
  return (
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      wave={{ disabled: !motion }}
      theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4, motion } }}
    >
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <ErrorHandler />
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** Shows every refused request once, in Chinese; an expired session goes back to the login page. */
function ErrorHandler() {
  const { message } = AntApp.useApp();
  const { signIn } = useSession();
  const navigate = useNavigate();
  useEffect(() => {
    setErrorHandler((error) => {
      if (error.status === 401) {
        signIn(null as never);
        message.warning({ content: '登录已失效，请重新登录', key: 'session' });
        void navigate('/login', { replace: true });
        return;
      }
      message.error({ content: error.message, key: error.message });
    });
  }, [message, navigate, signIn]);
  return null;
}

function AppRoutes() {
  const { session, loading } = useSession();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (!session) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="*"
          element={<Navigate to="/login" replace state={{ from: location.pathname + location.search }} />}
        />
      </Routes>
    );
  }
  if (session.mustChangePassword || session.mustEnrollTotp) {
    // The server refuses everything else until this is done, so the full frame is not loaded at all.
    const page: PageKey = session.mustChangePassword ? 'password' : 'totp';
    return (
      <Routes>
        <Route element={<RestrictedLayout />}>
          <Route path={PAGES[page].path} element={<Guarded page={page} />} />
          <Route path="*" element={<Navigate to={PAGES[page].path} replace />} />
        </Route>
      </Routes>
    );
  }
  return (
    <Routes>
      <Route path="/login" element={<Navigate to="/" replace />} />
      <Route element={<AppLayout />}>
        {(Object.keys(PAGES) as PageKey[]).map((key) => (
          <Route key={key} path={PAGES[key].path} element={<Guarded page={key} />} />
        ))}
        <Route path="*" element={<Result status="404" title="页面不存在" subTitle="请从左侧菜单进入需要的页面。" />} />
      </Route>
    </Routes>
  );
}

function Guarded({ page }: { page: PageKey }): ReactNode {
  const { session } = useSession();
  const location = useLocation();
  const Page = PAGE_COMPONENTS[page];
  useEffect(() => {
    document.title = `${PAGES[page].title} - 政务信息报送与考核系统`;
  }, [page]);
  if (!canOpen(session?.user.role, page))
    return <Result status="403" title="无权访问" subTitle="您的角色不能打开此页面。" />;
  // Keyed by address: leaving a page that failed gives the next one a fresh boundary.
  return (
    <RouteErrorBoundary key={location.pathname} homePath={PAGES.dashboard.path}>
      <Suspense fallback={<FullPageSpin />}>
        <Page />
      </Suspense>
    </RouteErrorBoundary>
  );
}

function FullPageSpin() {
  return (
    <div style={{ padding: 80, textAlign: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

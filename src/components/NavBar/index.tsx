/**
 * H5 only (the weapp gets `index.weapp.tsx`): one navigation bar above every page, the way WeChat draws it, plus the
 * page a mistyped link deserves. Rendered once by the App beside the pages, so no page has to remember it.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { makeControlsReachable } from './keyboard';
import { NavBar } from './NavBar';
import { homePath, routeOf, type TaroH5AppConfig } from './routes';

const appConfig = (): TaroH5AppConfig => (window as unknown as { __taroAppConfig?: TaroH5AppConfig }).__taroAppConfig ?? {};
const BODY_CLASS = 'has-nav-bar';

interface Location {
  pathname: string;
  /** Pages in Taro's stack once the route has settled: more than one means 返回 has somewhere to go. */
  depth: number;
}

export function AppNavBar() {
  const [location, setLocation] = useState<Location>(() => ({ pathname: window.location.pathname, depth: Taro.getCurrentPages().length }));

  useEffect(() => makeControlsReachable(document), []);

  useEffect(() => {
    const changed = (event?: { toLocation?: { path?: string } }) =>
      setLocation({ pathname: event?.toLocation?.path ?? window.location.pathname, depth: Taro.getCurrentPages().length });
    const settled = () => {
      setLocation({ pathname: window.location.pathname, depth: Taro.getCurrentPages().length });
      markMainLandmark();
    };
    Taro.eventCenter.on('__taroRouterChange', changed);
    Taro.eventCenter.on('__afterTaroRouterChange', settled);
    Taro.eventCenter.on('__taroRouterNotFound', settled);
    settled();
    return () => {
      Taro.eventCenter.off('__taroRouterChange', changed);
      Taro.eventCenter.off('__afterTaroRouterChange', settled);
      Taro.eventCenter.off('__taroRouterNotFound', settled);
    };
  }, []);

  const config = appConfig();
  const route = routeOf(config, location.pathname);
  const goHome = () => void Taro.reLaunch({ url: homePath(config) });
  const goBack = () => (Taro.getCurrentPages().length > 1 ? void Taro.navigateBack() : goHome());

  useEffect(() => {
    document.body.classList.add(BODY_CLASS);
    document.body.classList.toggle('is-staff-page', Boolean(route?.path.startsWith('staff/')));
    if (route?.title) document.title = route.title;
  }, [route?.path, route?.title]);

  if (!route) {
    return (
      <>
        <NavBar title='页面不存在' leading='home' onBack={goBack} onHome={goHome} />
        <main className='not-found'>
          <p className='not-found__message'>没有找到这个页面，链接可能有误或已过期。</p>
          <button type='button' className='not-found__home' onClick={goHome}>
            返回首页
          </button>
        </main>
      </>
    );
  }
  const leading = route.isTab ? 'none' : location.depth > 1 ? 'back' : 'home';
  return <NavBar title={route.title} leading={leading} onBack={goBack} onHome={goHome} />;
}

/** The page on top of Taro's stack is the page's `main` landmark; the pages under it are hidden and are not. */
function markMainLandmark(): void {
  const pages = Array.from(document.querySelectorAll('.taro_router > .taro_page'));
  pages.forEach((page, i) => {
    if (i === pages.length - 1) page.setAttribute('role', 'main');
    else page.removeAttribute('role');
  });
}

/** What the H5 shell knows of a route, read from the app config Taro's H5 build puts on `window.__taroAppConfig`. */
export interface RouteInfo {
  path: string;
  title: string;
  isTab: boolean;
}

export interface TaroH5AppConfig {
  routes?: { path: string; navigationBarTitleText?: string }[];
  tabBar?: { list: { pagePath: string }[] };
  window?: { navigationBarTitleText?: string };
  entryPagePath?: string;
}

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, '');

/** The route of a location pathname, or null when no page lives there (a mistyped or outdated link). */
export function routeOf(config: TaroH5AppConfig, pathname: string): RouteInfo | null {
  const wanted = trimSlashes(pathname) || trimSlashes(homePath(config));
  const route = config.routes?.find((r) => trimSlashes(r.path) === wanted);
  if (!route) return null;
  const isTab = (config.tabBar?.list ?? []).some((t) => trimSlashes(t.pagePath) === wanted);
  return { path: wanted, title: route.navigationBarTitleText ?? config.window?.navigationBarTitleText ?? '', isTab };
}

/** Where 首页 leads: the entry page, else the first page listed. */
export function homePath(config: TaroH5AppConfig): string {
  const first = config.entryPagePath ?? config.routes?.[0]?.path ?? 'pages/events/index';
  return `/${trimSlashes(first)}`;
}

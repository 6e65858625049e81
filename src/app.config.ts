export default defineAppConfig({
  pages: [
    'pages/events/index',
    'pages/events/detail',
    'pages/jobs/index',
    'pages/me/index',
    // Opened by an event's check-in code (H5 QR or 小程序码): a person checks themself in.
    'pages/checkin/index',
  ],
  // Staff pages are a subpackage so the main package, which every visitor downloads, stays small.
  subPackages: [
    {
      root: 'staff',
      pages: [
        'pages/workbench/index',
        'pages/qr-confirm/index',
        'pages/checkin/index',
        'pages/checkin-code/index',
        'pages/event-edit/index',
        'pages/event-registrations/index',
        'pages/roles/index',
        'pages/intents/index',
        'pages/intent-detail/index',
        'pages/outbox/index',
        'pages/claims/index',
        'pages/fair-requests/index',
        'pages/fair-stats/index',
        'pages/guidance/index',
        'pages/notices/index',
        'pages/notice-edit/index',
        'pages/needs/index',
        'pages/need-detail/index',
        'pages/stations/index',
        'pages/dashboard/index',
        'pages/orgs/index',
        'pages/org-detail/index',
        'pages/org-edit/index',
        'pages/org-import/index',
        'pages/visit-edit/index',
      ],
    },
    // Enterprise HR: 企业中心 and everything behind it.
    { root: 'hr', pages: ['pages/center/index', 'pages/fairs/index', 'pages/jobs/index', 'pages/job-edit/index', 'pages/applicants/index', 'pages/needs/index'] },
    // A worker's pages one step away from the tabs: a job, a fair's enterprises and jobs, 我的求职, 就业指导.
    { root: 'career', pages: ['pages/job/index', 'pages/fair/index', 'pages/applications/index', 'pages/guidance/index'] },
    // 送政策: the policy library and a notice, reached from the 活动 tab and from event pages.
    { root: 'policy', pages: ['pages/library/index', 'pages/notice/index'] },
    // 入党意向 and 党员报到, opened from 我的 (and from their subscription messages).
    { root: 'party', pages: ['pages/intent/index', 'pages/member-report/index'] },
    // The desktop console's scan-to-sign-in (H5) and 我的 → 登录设备 (self-hosted deployment).
    { root: 'account', pages: ['pages/login/index', 'pages/sessions/index'] },
    // 党群服务站: the directory a worker opens from 我的.
    { root: 'station', pages: ['pages/list/index', 'pages/detail/index'] },
  ],
  // The 活动 tab links the policy library: its package is fetched while the tab shows, so the first tap does not wait.
  // 我的 leads to 入党意向, 党员报到 and the stations: fetched while 我的 shows.
  preloadRule: {
    'pages/events/index': { network: 'all', packages: ['policy'] },
    // The 岗位 tab opens a job: its page comes with the tab.
    'pages/jobs/index': { network: 'all', packages: ['career'] },
    'pages/me/index': { network: 'all', packages: ['party', 'station'] },
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/events/index', text: '活动', iconPath: 'assets/tabbar/events.png', selectedIconPath: 'assets/tabbar/events-active.png' },
      { pagePath: 'pages/jobs/index', text: '岗位', iconPath: 'assets/tabbar/jobs.png', selectedIconPath: 'assets/tabbar/jobs-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '佘山两新服务',
    navigationBarTextStyle: 'white',
  },
  cloud: true,
  // WeChat injects only the components a page renders, not every one the package defines (the quality scan asks for it).
  lazyCodeLoading: 'requiredComponents',
});

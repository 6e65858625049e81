export default defineAppConfig({
  pages: [
    'pages/events/index',
    'pages/events/detail',
    'pages/jobs/index',
    'pages/jobs/detail',
    'pages/me/index',
    'pages/intent/index',
    'pages/member-report/index',
  ],
  // Staff pages are a subpackage so the main package, which every visitor downloads, stays small.
  subPackages: [
    {
      root: 'staff',
      pages: [
        'pages/workbench/index',
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
      ],
    },
    // Enterprise HR: 企业中心 and everything behind it.
    { root: 'hr', pages: ['pages/center/index', 'pages/fairs/index', 'pages/jobs/index', 'pages/job-edit/index', 'pages/applicants/index'] },
    // A worker's pages one step away from the tabs: a fair's enterprises and jobs, 我的求职, 就业指导.
    { root: 'career', pages: ['pages/fair/index', 'pages/applications/index', 'pages/guidance/index'] },
  ],
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
});

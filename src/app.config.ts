export default defineAppConfig({
  pages: ['pages/events/index', 'pages/events/detail', 'pages/me/index', 'pages/intent/index', 'pages/member-report/index'],
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
      ],
    },
  ],
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/events/index', text: '活动', iconPath: 'assets/tabbar/events.png', selectedIconPath: 'assets/tabbar/events-active.png' },
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

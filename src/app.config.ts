export default defineAppConfig({
  pages: ['pages/events/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '佘山两新服务',
    navigationBarTextStyle: 'white',
  },
  cloud: true,
});

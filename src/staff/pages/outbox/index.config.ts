export default definePageConfig({
  navigationBarTitleText: '通知记录',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});

export default definePageConfig({
  navigationBarTitleText: '跟进详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});

export default definePageConfig({
  navigationBarTitleText: '政策发布',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});

export default definePageConfig({
  navigationBarTitleText: '党员报到',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});

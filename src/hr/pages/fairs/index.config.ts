export default definePageConfig({
  navigationBarTitleText: '参加招聘会',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});

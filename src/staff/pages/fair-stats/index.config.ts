export default definePageConfig({
  navigationBarTitleText: '招聘会数据',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});

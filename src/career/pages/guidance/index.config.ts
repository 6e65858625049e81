export default definePageConfig({
  navigationBarTitleText: '就业指导',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});

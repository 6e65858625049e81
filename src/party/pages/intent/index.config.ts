export default definePageConfig({
  navigationBarTitleText: '入党意向',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});

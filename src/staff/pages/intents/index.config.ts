export default definePageConfig({
  navigationBarTitleText: '入党意向跟进',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});

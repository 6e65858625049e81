export default definePageConfig({
  navigationBarTitleText: '两新组织摸排',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});

export default definePageConfig({
  navigationBarTitleText: '参会审核',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});

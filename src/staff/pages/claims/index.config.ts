export default definePageConfig({
  navigationBarTitleText: '企业认领审核',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});

export default definePageConfig({
  navigationBarTitleText: '参会企业与岗位',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  enableShareAppMessage: true,
});

export default definePageConfig({
  navigationBarTitleText: '就业指导预约',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});

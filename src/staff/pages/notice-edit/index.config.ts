export default definePageConfig({
  navigationBarTitleText: '编辑政策',
});

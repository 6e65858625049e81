export default definePageConfig({
  navigationBarTitleText: '导入摸排表',
});

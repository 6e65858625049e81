export default definePageConfig({
  navigationBarTitleText: '登记 / 修改组织',
});

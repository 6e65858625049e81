export default definePageConfig({ navigationBarTitleText: '党群服务站管理' });

export default definePageConfig({ navigationBarTitleText: '党群服务站', enablePullDownRefresh: true, backgroundTextStyle: 'dark' });

export default definePageConfig({ navigationBarTitleText: '半年工作数据', enablePullDownRefresh: true, backgroundTextStyle: 'dark' });

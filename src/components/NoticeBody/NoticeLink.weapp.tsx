import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';

/** A mini-program cannot open outside web pages: the link is copied for the person to paste into a browser. */
export function NoticeLink({ text, url }: { text: string; url: string }) {
  const copy = async () => {
    await Taro.setClipboardData({ data: url });
    void Taro.showToast({ title: '链接已复制，请在浏览器中打开', icon: 'none' });
  };
  return (
    <View className='notice-body__link' onClick={() => void copy()}>
      <Text className='notice-body__link-text'>{text}</Text>
      <Text className='notice-body__link-hint'>（点击复制链接）</Text>
    </View>
  );
}

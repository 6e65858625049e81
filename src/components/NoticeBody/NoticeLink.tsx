import { View } from '@tarojs/components';

/** On H5 a link is a real link, opened in a new tab; the contract has already held it to https. */
export function NoticeLink({ text, url }: { text: string; url: string }) {
  return (
    <View className='notice-body__link'>
      <a className='notice-body__link-text' href={url} target='_blank' rel='noopener noreferrer'>
        {text}
      </a>
    </View>
  );
}

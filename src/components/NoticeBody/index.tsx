import { Text, View } from '@tarojs/components';
import type { NoticeBlock } from '@shared/notices';
import { NoticeLink } from './NoticeLink';
import './index.scss';

/**
 * A notice's body, block by block. Every block is plain text in a Text element — no rich-text, no HTML string — so
 * whatever a block holds is shown as typed and never run.
 */
export function NoticeBody({ blocks }: { blocks: readonly NoticeBlock[] }) {
  return (
    <View className='notice-body'>
      {blocks.map((block, i) => {
        switch (block.kind) {
          case 'heading':
            return (
              <Text key={i} className='notice-body__heading'>
                {block.text}
              </Text>
            );
          case 'paragraph':
            return (
              <Text key={i} className='notice-body__paragraph' userSelect>
                {block.text}
              </Text>
            );
          case 'list':
            return (
              <View key={i} className={`notice-body__list notice-body__list--${block.ordered ? 'ordered' : 'bulleted'}`} aria-role='list'>
                {block.items.map((item, j) => (
                  <View key={j} className='notice-body__item' aria-role='listitem'>
                    <Text className='notice-body__marker'>{block.ordered ? `${j + 1}.` : '•'}</Text>
                    <Text className='notice-body__item-text' userSelect>
                      {item}
                    </Text>
                  </View>
                ))}
              </View>
            );
          case 'link':
            return <NoticeLink key={i} text={block.text} url={block.url} />;
        }
      })}
    </View>
  );
}

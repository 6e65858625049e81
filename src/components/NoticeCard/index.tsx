import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import type { NoticeListItem } from '@shared/notices';
import { NOTICE_CATEGORY_LABELS, NOTICE_STATUS_LABELS } from '@shared/labels';
import { formatIssuedOn } from './issuedOn';
import './index.scss';

export { formatIssuedOn } from './issuedOn';

export interface NoticeCardProps {
  notice: NoticeListItem;
  /** Staff lists show 草稿 / 已发布 / 已撤回. */
  showStatus?: boolean;
  className?: string;
  onTap?: (notice: NoticeListItem) => void;
}

/** A notice in a list: category, title, two lines of summary, who issued it and when. */
export function NoticeCard({ notice, showStatus = false, className, onTap, children }: PropsWithChildren<NoticeCardProps>) {
  return (
    <View
      className={className ? `notice-card ${className}` : 'notice-card'}
      aria-role={onTap ? 'link' : undefined}
      onClick={onTap ? () => onTap(notice) : undefined}
    >
      <View className='notice-card__tags'>
        <Text className={`notice-card__category notice-card__category--${notice.category}`}>{NOTICE_CATEGORY_LABELS[notice.category]}</Text>
        {showStatus ? (
          <Text className={`notice-card__status notice-card__status--${notice.status}`}>{NOTICE_STATUS_LABELS[notice.status]}</Text>
        ) : null}
        {notice.hasAttachment ? <Text className='notice-card__attachment'>附件</Text> : null}
      </View>
      <Text className='notice-card__title'>{notice.title}</Text>
      <Text className='notice-card__summary'>{notice.summary}</Text>
      <Text className='notice-card__meta'>{`${notice.issuer} · ${formatIssuedOn(notice.issuedOn)}`}</Text>
      {children ? <View className='notice-card__actions'>{children}</View> : null}
    </View>
  );
}

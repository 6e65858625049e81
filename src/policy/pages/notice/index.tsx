import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { NoticeEventLink } from '@shared/notices';
import { EVENT_STATUS_LABELS, NOTICE_CATEGORY_LABELS, NOTICE_STATUS_LABELS } from '@shared/labels';
import { ApiFailure } from '../../../api/failure';
import { useAction } from '../../../api/hooks';
import { ListState } from '../../../components/ListState';
import { NoticeBody } from '../../../components/NoticeBody';
import { NoticeLink } from '../../../components/NoticeBody/NoticeLink';
import { formatIssuedOn } from '../../../components/NoticeCard';
import { formatDateTime } from '../../../utils/time';
import '../../../components/NoticeCard/index.scss';
import './index.scss';

function openEvent(event: NoticeEventLink): void {
  void Taro.navigateTo({ url: `/pages/events/detail?id=${encodeURIComponent(event.id)}` });
}

/** One notice: who issued it and when, its summary, its body, the PDF and the events about it. */
export default function NoticePage() {
  const id = useRouter().params.id ?? '';
  const detail = useAction('notices.get', { id }, { enabled: id !== '' });
  const notice = detail.data;
  useShareAppMessage(() => ({ title: notice?.title ?? '送政策', path: `/policy/pages/notice/index?id=${id}` }));

  if (!notice) {
    return (
      <View className='notice-page'>
        <ListState
          loading={detail.loading}
          error={id ? detail.error : new ApiFailure('NOT_FOUND', '没有指定政策')}
          empty
          emptyText='政策不存在'
          onRetry={() => void detail.reload()}
        />
      </View>
    );
  }

  return (
    <View className='notice-page'>
      <View className='notice-page__head'>
        <View className='notice-page__tags'>
          <Text className={`notice-card__category notice-card__category--${notice.category}`}>{NOTICE_CATEGORY_LABELS[notice.category]}</Text>
          {notice.status !== 'published' ? <Text className='notice-page__state'>{NOTICE_STATUS_LABELS[notice.status]}</Text> : null}
        </View>
        <Text className='notice-page__title'>{notice.title}</Text>
        <Text className='notice-page__meta'>{`发文单位：${notice.issuer}`}</Text>
        <Text className='notice-page__meta'>{`发文日期：${formatIssuedOn(notice.issuedOn)}`}</Text>
      </View>

      <View className='notice-page__section notice-page__summary'>
        <Text userSelect>{notice.summary}</Text>
      </View>

      <View className='notice-page__section'>
        <NoticeBody blocks={notice.body} />
        {notice.attachmentUrl ? (
          <View className='notice-page__attachment'>
            <Text className='notice-page__attachment-label'>附件</Text>
            <NoticeLink text='查看政策原文（PDF）' url={notice.attachmentUrl} />
          </View>
        ) : null}
      </View>

      {notice.events.length ? (
        <View className='notice-page__section'>
          <Text className='notice-page__section-title'>相关活动</Text>
          {notice.events.map((event) => (
            <View key={event.id} className='notice-page__event related-event' aria-role='link' onClick={() => openEvent(event)}>
              <View className='notice-page__event-text'>
                <Text className='notice-page__event-title'>{event.title}</Text>
                <Text className='notice-page__event-time'>
                  {event.status === 'published' ? formatDateTime(event.startAt) : `${formatDateTime(event.startAt)}（${EVENT_STATUS_LABELS[event.status]}）`}
                </Text>
              </View>
              <Text className='notice-page__arrow'>›</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

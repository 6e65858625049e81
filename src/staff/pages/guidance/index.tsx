import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { GuidanceAnswerInput, type GuidanceRequest, type GuidanceStatus } from '@shared/recruitment';
import { GUIDANCE_STATUS_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { useAction } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { FilterTabs, type FilterOption } from '../../../components/FilterTabs';
import { ListState } from '../../../components/ListState';
import { boolAttr } from '../../../utils/boolAttr';
import { formatDateTime } from '../../../utils/time';
import '../../../components/cards/index.scss';
import '../../../components/form/index.scss';
import '../../decisions.scss';

const TABS: readonly FilterOption<GuidanceStatus>[] = (['open', 'answered'] as const).map((s) => ({ value: s, label: GUIDANCE_STATUS_LABELS[s] }));

/** 就业指导 requests: call the person at a time that suits them, then write down the answer they will read. */
export default function StaffGuidancePage() {
  const [status, setStatus] = useState<GuidanceStatus>('open');
  const requests = useAction('guidance.list', { status });

  usePullDownRefresh(() => {
    void requests.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const items = requests.data ?? [];
  return (
    <View className='review-page'>
      <FilterTabs options={TABS} value={status} onChange={setStatus} />
      <ListState
        loading={requests.loading}
        error={requests.error}
        empty={items.length === 0}
        emptyText={`暂无${GUIDANCE_STATUS_LABELS[status]}的预约`}
        onRetry={() => void requests.reload()}
      />
      {items.map((r) => (
        <GuidanceRow key={r.id} request={r} onAnswered={() => void requests.reload()} />
      ))}
    </View>
  );
}

function GuidanceRow({ request, onAnswered }: { request: GuidanceRequest; onAnswered: () => void }) {
  const [answer, setAnswer] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  // The message shows under the answer box, whether the check or the server refused it.
  const change = useMutation({ toast: false });
  const error = invalid ?? change.message;

  const send = async () => {
    const checked = GuidanceAnswerInput.safeParse({ id: request.id, answer });
    if (!checked.success) {
      setInvalid(checked.error.issues[0]?.message ?? '请填写答复');
      return;
    }
    await change.run(async () => {
      await callApi('guidance.answer', checked.data);
      void Taro.showToast({ title: '已答复，已通知本人', icon: 'none' });
      onAnswered();
    });
  };

  return (
    <View className={`review-row guidance-row guidance-row--${request.status}`}>
      <View className='review-row__head'>
        <Text className='review-row__title'>{request.topic}</Text>
        <Text className={`followup-status${request.status === 'open' ? '' : ' followup-status--closed'}`}>{GUIDANCE_STATUS_LABELS[request.status]}</Text>
      </View>
      <Text className='review-row__meta'>{`方便的时间：${request.preferredTimes}`}</Text>
      <Text className='review-row__meta guidance-row__who' userSelect>{`${request.name ?? '未留姓名'} · 电话：${request.phone}`}</Text>
      <Text className='review-row__meta'>{`${formatDateTime(request.createdAt)} 提交`}</Text>
      {request.status === 'answered' ? (
        <Text className='review-row__reason'>{`答复${request.answeredAt ? `（${formatDateTime(request.answeredAt)}）` : ''}：${request.answer ?? ''}`}</Text>
      ) : (
        <View className='decision-bar'>
          <Textarea
            className='followup-form__textarea guidance-answer'
            placeholder='如：已电话联系，约定 12 月 5 日下午在镇就业服务站面谈（本人可见）'
            maxlength={500}
            value={answer}
            onInput={(e) => {
              setAnswer(e.detail.value);
              setInvalid(null);
              change.clear();
            }}
          />
          {error ? <Text className='field-error'>{error}</Text> : null}
          <View className='decision-bar__buttons'>
            <Button size='mini' onClick={() => void Taro.makePhoneCall({ phoneNumber: request.phone })}>
              拨打电话
            </Button>
            <Button className='guidance-answer-submit btn-primary' size='mini' disabled={boolAttr(change.busy)} onClick={() => void send()}>
              答复
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}

import { useMemo, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { GUIDANCE_STATUS_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { requestSubscribe } from '../../../api/subscribe';
import { useAction } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { useMe } from '../../../api/useMe';
import { ListState } from '../../../components/ListState';
import { SignInFirst } from '../../../components/cards/SignInFirst';
import { fieldErrorsOf } from '../../../components/form/fieldErrors';
import { formatDateTime } from '../../../utils/time';
import { GUIDANCE_FIELDS, GuidanceForm, type GuidanceAsk } from './GuidanceForm';
import '../../../components/cards/index.scss';
import '../../../components/form/index.scss';
import './index.scss';

/** 就业指导: ask for an appointment, then follow each request to the staff's answer. */
export default function GuidancePage() {
  const who = useMe();
  const mine = useAction('guidance.mine', {}, { enabled: who.signedIn, version: who.version });
  // The message shows above the form (or under its fields), not as a toast.
  const change = useMutation({ toast: false });
  // A new form after each request: its inputs start empty again rather than being cleared under the person.
  const [formKey, setFormKey] = useState(0);
  const serverErrors = useMemo(() => fieldErrorsOf(change.error, GUIDANCE_FIELDS), [change.error]);

  usePullDownRefresh(() => {
    const work = who.signedIn ? mine.reload() : Promise.resolve();
    void work.finally(() => Taro.stopPullDownRefresh());
  });

  const request = async (input: GuidanceAsk) => {
    void requestSubscribe('guidance');
    await change.run(async () => {
      await callApi('guidance.request', input);
      void Taro.showToast({ title: '已提交预约', icon: 'success' });
      setFormKey((k) => k + 1);
      await mine.reload();
    });
  };

  if (!who.signedIn) {
    return (
      <View className='followup-page'>
        <SignInFirst then='预约就业指导' />
      </View>
    );
  }

  const requests = mine.data ?? [];
  const underFields = serverErrors !== undefined && Object.keys(serverErrors).length > 0;
  return (
    <View className='followup-page guidance-page'>
      <View className='followup-card'>
        <Text className='followup-card__title'>预约就业指导</Text>
        <Text className='followup-card__intro'>
          镇就业服务工作人员会在您方便的时间电话联系您，帮您分析岗位要求、选择合适的岗位，解答就业和社保政策。待业党员优先安排。
        </Text>
        {change.message && !underFields ? <Text className='field-error guidance-error'>{change.message}</Text> : null}
        {who.loading && !who.me ? (
          <Text className='followup-card__hint'>加载中…</Text>
        ) : (
          <GuidanceForm
            key={formKey}
            phone={who.me?.profile.phone}
            submitting={change.busy}
            errors={serverErrors}
            onSubmit={(input) => void request(input)}
          />
        )}
      </View>

      <View className='followup-card'>
        <Text className='followup-card__title'>我的预约</Text>
        <ListState
          loading={mine.loading}
          error={mine.error}
          empty={requests.length === 0}
          emptyText='还没有预约'
          onRetry={() => void mine.reload()}
        />
        {requests.map((r) => (
          <View key={r.id} className={`guidance-request guidance-request--${r.status}`}>
            <View className='guidance-request__head'>
              <Text className='guidance-request__topic'>{r.topic}</Text>
              <Text className={`guidance-status followup-status${r.status === 'answered' ? ' followup-status--closed' : ''}`}>
                {GUIDANCE_STATUS_LABELS[r.status]}
              </Text>
            </View>
            <Text className='guidance-request__meta'>{`方便的时间：${r.preferredTimes}`}</Text>
            <Text className='guidance-request__meta'>{`${formatDateTime(r.createdAt)} 提交`}</Text>
            {r.answer ? (
              <View className='guidance-request__answer'>
                <Text className='guidance-request__answer-head'>
                  {`工作人员答复${r.answeredAt ? `（${formatDateTime(r.answeredAt)}）` : ''}`}
                </Text>
                <Text className='guidance-request__answer-text' userSelect>
                  {r.answer}
                </Text>
              </View>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  );
}

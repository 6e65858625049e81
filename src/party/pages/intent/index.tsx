import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Intent, IntentSubmitInput } from '@shared/intents';
import { callApi } from '../../../api/callApi';
import { requestSubscribe } from '../../../api/subscribe';
import { messageOf } from '../../../api/failure';
import { useAction } from '../../../api/hooks';
import { useMe } from '../../../api/useMe';
import { ListState } from '../../../components/ListState';
import { SignInFirst } from '../../../components/cards/SignInFirst';
import { confirmWithdraw, useFollowupChange } from '../../../components/followup/useFollowupChange';
import { INTENT_FIELDS, IntentForm, emptyIntentForm, intentFormFrom } from './IntentForm';
import { IntentRecord } from './IntentRecord';
import '../../../components/cards/index.scss';

type Mode = 'view' | 'edit';

/** Answers after which what is shown is out of date: load the intent again. */
const STALE = new Set(['ALREADY_SUBMITTED', 'NOT_EDITABLE', 'INVALID_TRANSITION', 'NOT_FOUND']);

export default function IntentPage() {
  const who = useMe();
  const mine = useAction('intents.mine', {}, { enabled: who.signedIn, version: who.version });
  const [mode, setMode] = useState<Mode>('view');
  const [withdrawn, setWithdrawn] = useState(false);
  const { busy, serverErrors, generalFailure, clearFailure, perform } = useFollowupChange({
    reload: mine.reload,
    stale: STALE,
    fields: INTENT_FIELDS,
    onStale: () => setMode('view'),
  });

  usePullDownRefresh(() => {
    const work = who.signedIn ? mine.reload() : Promise.resolve();
    void work.finally(() => Taro.stopPullDownRefresh());
  });

  const submit = async (input: IntentSubmitInput) => {
    void requestSubscribe('intent');
    if (await perform(() => callApi('intents.submit', input), '已提交')) setWithdrawn(false);
  };

  const update = async (intent: Intent, input: IntentSubmitInput) => {
    const { consent: _consent, ...fields } = input;
    // Cleared optional texts are sent empty so the change reaches the server; left out they would stay as they were.
    const payload = { id: intent.id, ...fields, employer: fields.employer ?? '', statement: fields.statement ?? '' };
    if (await perform(() => callApi('intents.update', payload), '已保存')) setMode('view');
  };

  const withdraw = async (intent: Intent) => {
    if (!(await confirmWithdraw('撤回入党意向'))) return;
    if (await perform(() => callApi('intents.withdraw', { id: intent.id }), '已撤回')) {
      setWithdrawn(true);
      setMode('view');
    }
  };

  if (!who.signedIn) {
    return (
      <View className='followup-page'>
        <SignInFirst then='填写入党意向' />
      </View>
    );
  }
  if (!mine.data) {
    return (
      <View className='followup-page'>
        <ListState loading={mine.loading} error={mine.error} empty onRetry={() => void mine.reload()} />
      </View>
    );
  }

  const latest = mine.data[0] ?? null;
  const open = latest && latest.status !== 'closed' ? latest : null;
  const message = generalFailure ? <Text className='followup-page__error intent-error'>{messageOf(generalFailure)}</Text> : null;

  if (open) {
    return (
      <View className='followup-page'>
        {message}
        {mode === 'edit' && open.editable ? (
          <View className='followup-card'>
            <Text className='followup-card__title'>修改入党意向</Text>
            <IntentForm
              editing
              initial={intentFormFrom(open)}
              submitting={busy}
              errors={serverErrors}
              onSubmit={(input) => void update(open, input)}
              onCancel={() => {
                clearFailure();
                setMode('view');
              }}
            />
          </View>
        ) : (
          <IntentRecord intent={open} busy={busy} onEdit={() => setMode('edit')} onWithdraw={() => void withdraw(open)} />
        )}
      </View>
    );
  }

  return (
    <View className='followup-page'>
      {withdrawn ? <Text className='followup-page__notice intent-withdrawn'>已撤回，您填写的个人信息已删除。</Text> : null}
      {latest ? <IntentRecord intent={latest} /> : null}
      {message}
      <View className='followup-card'>
        <Text className='followup-card__title'>{latest || withdrawn ? '重新提交入党意向' : '提交入党意向'}</Text>
        <Text className='followup-card__intro'>
          在新就业群体中发展党员是佘山镇综合党委的一项重点工作。填写后，工作人员会与您联系，了解您的想法并介绍入党的程序。
        </Text>
        <IntentForm
          key={who.me ? 'known' : 'unknown'}
          initial={{ ...emptyIntentForm(), name: who.me?.profile.name ?? '', phone: who.me?.profile.phone ?? '' }}
          submitting={busy} errors={serverErrors} onSubmit={(input) => void submit(input)} />
      </View>
    </View>
  );
}

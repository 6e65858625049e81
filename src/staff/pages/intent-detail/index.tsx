import { useEffect, useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Picker, Text, Textarea, View } from '@tarojs/components';
import { IntentAdvanceInput, ReportAdvanceInput, type PartyOrg } from '@shared/intents';
import { callApi } from '../../../api/callApi';
import { ApiFailure, messageOf } from '../../../api/failure';
import { useLoader } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { ListState } from '../../../components/ListState';
import { FieldList } from '../../../components/form/FieldList';
import { FollowupTimeline } from '../../../components/followup/FollowupTimeline';
import { boolAttr } from '../../../utils/boolAttr';
import { formatDateTime } from '../../../utils/time';
import { nextStatus, summarize, type StaffRecord } from './record';
import '../../../components/cards/index.scss';
import './index.scss';

type Kind = StaffRecord['kind'];

async function loadRecord(kind: Kind, id: string): Promise<StaffRecord> {
  if (kind === 'intent') return { kind, view: await callApi('intents.get', { id }) };
  return { kind, view: await callApi('memberReports.get', { id }) };
}

/** `to` comes from the kind's own path, so the contract's schema only turns it into the kind's status type. */
async function advanceRecord(kind: Kind, input: { id: string; to: string; note?: string; reason?: string }): Promise<StaffRecord> {
  if (kind === 'intent') return { kind, view: await callApi('intents.advance', IntentAdvanceInput.parse(input)) };
  return { kind, view: await callApi('memberReports.advance', ReportAdvanceInput.parse(input)) };
}

/** The full record for staff (phone and statement included, each read is audited), its notes, and the next steps. */
export default function StaffIntentDetailPage() {
  const params = useRouter().params;
  const id = params.id ?? '';
  const kind: Kind = params.kind === 'report' ? 'report' : 'intent';
  const loaded = useLoader(() => loadRecord(kind, id), `${kind}:${id}`, id !== '');
  const orgs = useLoader(() => callApi('partyOrgs.list', {}), 'orgs', kind === 'intent');
  const [record, setRecord] = useState<StaffRecord | null>(null);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  // The message stays on the page, above the actions, rather than a toast.
  const change = useMutation({ toast: false });
  const busy = change.busy;

  useEffect(() => {
    if (loaded.data) setRecord(loaded.data);
  }, [loaded.data]);

  usePullDownRefresh(() => {
    void loaded.reload().finally(() => Taro.stopPullDownRefresh());
  });

  /** One staff action; the answer is the updated record, shown at once. */
  const act = async (work: () => Promise<StaffRecord>, done: string): Promise<boolean> => {
    const went = await change.run(
      async () => {
        setRecord(await work());
        void Taro.showToast({ title: done, icon: 'none' });
        return true;
      },
      {
        // Someone else may have moved it meanwhile.
        onFailure: (e) => {
          if (e instanceof ApiFailure && e.code === 'INVALID_TRANSITION') void loaded.reload();
        },
      },
    );
    return went === true;
  };

  if (!id || !record) {
    return (
      <View className='staff-intent-detail'>
        <ListState
          loading={loaded.loading}
          error={id ? loaded.error : new ApiFailure('NOT_FOUND', '没有指定记录')}
          empty
          emptyText='记录不存在'
          onRetry={() => void loaded.reload()}
        />
      </View>
    );
  }

  const summary = summarize(record);
  const next = nextStatus(summary.path, summary.status);
  const closed = summary.status === 'closed';
  const label = (status: string | null) => (status ? (summary.labels[status] ?? status) : '');

  const advance = async () => {
    if (!next) return;
    const trimmed = note.trim();
    if (await act(() => advanceRecord(kind, { id, to: next, ...(trimmed ? { note: trimmed } : {}) }), `已更新为「${label(next)}」，已通知本人`)) {
      setNote('');
    }
  };

  const close = async () => {
    const checked = IntentAdvanceInput.safeParse({ id, to: 'closed', reason });
    if (!checked.success) {
      setReasonError(checked.error.issues.find((i) => i.path[0] === 'reason')?.message ?? '请填写结束原因');
      return;
    }
    const answer = await Taro.showModal({
      title: `结束${summary.title}`,
      content: '结束后不能再变更状态。本人会收到通知，并在进度中看到您填写的原因。确定结束吗？',
      confirmText: '确认结束',
      cancelText: '再想想',
      confirmColor: '#c8161d',
    });
    if (!answer.confirm) return;
    const trimmed = note.trim();
    const input = { id, to: 'closed', reason: reason.trim(), ...(trimmed ? { note: trimmed } : {}) };
    if (await act(() => advanceRecord(kind, input), '已结束，已通知本人')) {
      setReason('');
      setNote('');
    }
  };

  const assign = async (org: PartyOrg) => {
    await act(async () => ({ kind: 'intent', view: await callApi('intents.assign', { id, orgId: org.id }) }), `已分配给${org.name}`);
  };

  const orgList = orgs.data ?? [];
  const currentOrg = record.kind === 'intent' ? record.view.org : null;
  const orgIndex = Math.max(0, orgList.findIndex((o) => o.id === currentOrg?.id));

  return (
    <View className='staff-intent-detail'>
      <View className='followup-card'>
        <View className='followup-card__head'>
          <Text className='followup-card__title'>{summary.title}</Text>
          <Text className={`intent-status followup-status followup-status--${summary.status}`}>{label(summary.status)}</Text>
        </View>
        {summary.withdrawn ? <Text className='followup-card__reason'>本人已撤回，个人信息已删除。</Text> : null}
        {closed && summary.closeReason && !summary.withdrawn ? (
          <Text className='followup-card__reason'>{`结束原因：${summary.closeReason}`}</Text>
        ) : null}
        <FieldList className='staff-intent-fields' rows={summary.fields} />
        {summary.phone ? (
          <Button className='staff-intent-call' size='mini' onClick={() => void Taro.makePhoneCall({ phoneNumber: summary.phone })}>
            拨打电话
          </Button>
        ) : null}
      </View>

      {change.message ? <Text className='followup-page__error staff-intent-error'>{change.message}</Text> : null}

      {closed ? null : (
        <View className='followup-card staff-intent-actions'>
          <Text className='followup-card__title'>跟进</Text>
          {record.kind === 'intent' ? (
            <View className='staff-intent-actions__row'>
              <Text className='staff-intent-actions__label'>对接党组织</Text>
              <Picker
                className='intent-assign'
                mode='selector'
                range={orgList.map((o) => o.name)}
                value={orgIndex}
                disabled={boolAttr(busy || orgList.length === 0)}
                onChange={(e) => {
                  const org = orgList[Number(e.detail.value)];
                  if (org && org.id !== currentOrg?.id) void assign(org);
                }}
              >
                <Text className={currentOrg ? 'picker-value' : 'picker-value picker-value--empty'}>
                  {currentOrg?.name ?? (orgs.loading ? '加载中…' : '选择党组织')}
                </Text>
              </Picker>
              {orgs.error ? <Text className='field-error'>{messageOf(orgs.error)}</Text> : null}
            </View>
          ) : null}

          <View className='staff-intent-actions__row'>
            <Text className='staff-intent-actions__label'>备注（选填，仅工作人员可见）</Text>
            <Textarea
              className='followup-form__textarea intent-note'
              placeholder='如：已电话联系，约定下周面谈'
              maxlength={500}
              value={note}
              onInput={(e) => setNote(e.detail.value)}
            />
          </View>
          {next ? (
            <Button className='intent-advance followup-form__submit' disabled={boolAttr(busy)} onClick={() => void advance()}>
              {`推进到「${label(next)}」`}
            </Button>
          ) : (
            <Text className='followup-card__hint'>已是最后一个阶段，如已办结可以结束。</Text>
          )}

          <View className='staff-intent-actions__row staff-intent-actions__close'>
            <Text className='staff-intent-actions__label'>结束原因（本人可见，请用平实的话）</Text>
            <Textarea
              className='followup-form__textarea intent-close-reason'
              placeholder='如：已转入其他党组织培养'
              maxlength={200}
              value={reason}
              onInput={(e) => {
                setReason(e.detail.value);
                setReasonError(null);
              }}
            />
            {reasonError ? <Text className='field-error'>{reasonError}</Text> : null}
          </View>
          <Button className='intent-close followup-card__danger' disabled={boolAttr(busy)} onClick={() => void close()}>
            结束
          </Button>
        </View>
      )}

      <View className='followup-card'>
        <Text className='followup-card__title'>进度（本人可见）</Text>
        <FollowupTimeline path={summary.path} labels={summary.labels} status={summary.status} timeline={summary.timeline} />
      </View>

      <View className='followup-card staff-notes'>
        <Text className='followup-card__title'>跟进记录</Text>
        {summary.notes.map((n) => (
          <View key={`${n.at}-${n.to}`} className='staff-note'>
            <Text className='staff-note__head'>{`${formatDateTime(n.at)} · ${n.actorName}`}</Text>
            <Text className='staff-note__step'>{n.from ? `${label(n.from)} → ${label(n.to)}` : label(n.to)}</Text>
            {n.note ? <Text className='staff-note__text'>{n.note}</Text> : null}
          </View>
        ))}
      </View>
    </View>
  );
}

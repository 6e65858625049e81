import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { NEED_NEXT, type Need } from '@shared/needs';
import { NEED_STATUS_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { useAction } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { ListState } from '../../../components/ListState';
import { NeedStatus } from '../../../components/needs/NeedStatus';
import { OptionPicker } from '../../../components/form/OptionPicker';
import { FormRow } from '../../../components/form/FormRow';
import { boolAttr } from '../../../utils/boolAttr';
import { StaffOnly } from '../../StaffOnly';
import '../../../components/form/index.scss';
import './index.scss';

export default function NeedDetailPage() {
  return (
    <StaffOnly>
      <NeedDetail />
    </StaffOnly>
  );
}

/** One need: hand it to a department, move it on, close it with the reply the enterprise reads. */
function NeedDetail() {
  const id = useRouter().params.id ?? '';
  const [version, setVersion] = useState(0);
  const need = useAction('needs.get', { id }, { version });
  if (!need.data) return <ListState loading={need.loading} error={need.error} empty onRetry={() => void need.reload()} />;
  return (
    <View className='need-detail'>
      <NeedStatus need={need.data} />
      {need.data.attachment ? <Text className='need-detail__attachment' userSelect>{`附件：${need.data.attachment}`}</Text> : null}
      {need.data.status !== 'closed' ? <Handling need={need.data} onChanged={() => setVersion((v) => v + 1)} /> : null}
    </View>
  );
}

function Handling({ need, onChanged }: { need: Need; onChanged: () => void }) {
  const departments = useAction('needs.departments', {});
  const names = (departments.data ?? []).map((d) => d.name);
  const [department, setDepartment] = useState<string | null>(need.department);
  const [reply, setReply] = useState('');
  const change = useMutation({ toast: false });
  const labels = Object.fromEntries(names.map((n) => [n, n]));

  const assign = () =>
    department &&
    change.run(async () => {
      await callApi('needs.assign', { id: need.id, department });
      void Taro.showToast({ title: `已分派给${department}`, icon: 'none' });
      onChanged();
    });
  const advance = (to: 'in_progress' | 'closed') =>
    change.run(async () => {
      await callApi('needs.advance', { id: need.id, to, ...(reply.trim() ? { reply } : {}) });
      setReply('');
      void Taro.showToast({ title: to === 'closed' ? '已办结，已通知企业' : '已标记为办理中', icon: 'none' });
      onChanged();
    });

  return (
    <View className='need-detail__card'>
      <FormRow label='承办部门'>
        <OptionPicker className='need-department' options={names} labels={labels} value={department} placeholder='请选择部门' onChange={setDepartment} />
      </FormRow>
      {department && department !== need.department ? (
        <Button className='btn-secondary need-assign' size='mini' disabled={boolAttr(change.busy)} onClick={() => void assign()}>
          {need.department ? `改派给${department}` : `分派给${department}`}
        </Button>
      ) : null}
      {need.status !== 'submitted' ? (
        <>
          <Textarea
            className='followup-form__textarea need-reply'
            placeholder='答复企业的内容（办结时必填，企业可见）'
            maxlength={1000}
            value={reply}
            onInput={(e) => {
              setReply(e.detail.value);
              change.clear();
            }}
          />
          <View className='need-detail__buttons'>
            {NEED_NEXT[need.status].map((to) => (
              <Button
                key={to}
                className={`${to === 'closed' ? 'btn-primary' : 'btn-secondary'} need-advance-${to}`}
                size='mini'
                disabled={boolAttr(change.busy)}
                onClick={() => void advance(to as 'in_progress' | 'closed')}
              >
                {to === 'closed' ? '办结并答复' : `标记为${NEED_STATUS_LABELS[to]}`}
              </Button>
            ))}
          </View>
        </>
      ) : null}
      {change.message ? <Text className='field-error'>{change.message}</Text> : null}
    </View>
  );
}

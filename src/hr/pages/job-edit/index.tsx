import { useEffect, useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { JobCreateInput } from '@shared/recruitment';
import { callApi } from '../../../api/callApi';
import { useAction } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { ListState } from '../../../components/ListState';
import { fieldErrorsOf } from '../../../components/form/fieldErrors';
import { JobForm } from './JobForm';
import { JOB_FIELDS, emptyJobForm, jobFormFrom } from './jobForm';
import '../../../components/cards/index.scss';
import './index.scss';

/** How long the 已保存 toast shows before going back to the list. */
const TOAST_MS = 800;
const FAIRS_SHOWN = 50;

/** 发布岗位 without `id` (for a fair when `eventId` is given), 编辑岗位 with one. */
export default function JobEditPage() {
  const params = useRouter().params;
  const routeId = params.id ?? '';
  const existing = useAction('jobs.get', { id: routeId }, { enabled: routeId !== '' });
  const fairs = useAction('events.list', { type: 'fair', limit: FAIRS_SHOWN });
  const change = useMutation();
  // After a save the page goes back; until then it stays "saving", so a second tap cannot post the job twice.
  const [leaving, setLeaving] = useState(false);
  const serverErrors = useMemo(() => fieldErrorsOf(change.error, JOB_FIELDS), [change.error]);

  useEffect(() => {
    if (routeId) void Taro.setNavigationBarTitle({ title: '编辑岗位' });
  }, [routeId]);

  const save = (input: JobCreateInput) =>
    change.run(async () => {
      if (routeId) await callApi('jobs.update', { id: routeId, ...input });
      else await callApi('jobs.create', input);
      void Taro.showToast({ title: routeId ? '已保存' : '已发布', icon: 'success' });
      if (Taro.getCurrentPages().length > 1) {
        setLeaving(true);
        setTimeout(() => void Taro.navigateBack(), TOAST_MS);
      }
    });

  // The form starts from the loaded job (or an empty one) and is never refilled after it appears.
  if (routeId && !existing.data) {
    return (
      <View className='job-edit'>
        <ListState loading={existing.loading} error={existing.error} empty emptyText='岗位不存在' onRetry={() => void existing.reload()} />
      </View>
    );
  }
  const initial = existing.data ? jobFormFrom(existing.data) : emptyJobForm(params.eventId ?? null);
  return (
    <View className='job-edit'>
      <View className='followup-card'>
        <JobForm
          initial={initial}
          fairs={(fairs.data?.items ?? []).map((e) => ({ id: e.id, title: e.title }))}
          saving={change.busy || leaving}
          errors={serverErrors}
          submitLabel={routeId ? '保存修改' : '发布岗位'}
          onSubmit={(input) => void save(input)}
        />
      </View>
    </View>
  );
}

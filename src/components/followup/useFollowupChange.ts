import { useMemo } from 'react';
import Taro from '@tarojs/taro';
import { ApiFailure } from '../../api/failure';
import { useMutation } from '../../api/useMutation';
import { fieldErrorsOf } from '../form/fieldErrors';

export interface FollowupChangeOptions<F extends string> {
  /** Loads the person's record again, after a change and after an answer saying it is stale. */
  reload: () => Promise<void>;
  /** Error codes after which what is shown is out of date. */
  stale: ReadonlySet<string>;
  /** The form's fields, to show INVALID_INPUT issues under them. */
  fields: readonly F[];
  onStale?: () => void;
}

/** One change at a time to the person's own record (submit, update, withdraw); its failure kept for the page to show. */
export function useFollowupChange<F extends string>({ reload, stale, fields, onStale }: FollowupChangeOptions<F>) {
  // The page shows the failure itself: under the fields, or as one message above the form.
  const change = useMutation({ toast: false });
  const failure = change.error;
  const serverErrors = useMemo(() => fieldErrorsOf(failure, fields), [failure, fields]);
  // Field issues show under their fields; anything else (a conflict, the network) as one message.
  const underFields = serverErrors !== undefined && Object.keys(serverErrors).length > 0;
  const generalFailure: unknown = failure && !underFields ? failure : null;

  /** Runs one change; true when it went through. */
  const perform = async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    const went = await change.run(
      async () => {
        await work();
        void Taro.showToast({ title: done, icon: 'success' });
        await reload();
        return true;
      },
      {
        onFailure: (e) => {
          if (e instanceof ApiFailure && stale.has(e.code)) {
            onStale?.();
            void reload();
          }
        },
      },
    );
    return went === true;
  };

  return { busy: change.busy, serverErrors, generalFailure, clearFailure: change.clear, perform };
}

/** Asks before a withdrawal, which erases the person's details for good. */
export async function confirmWithdraw(title: string): Promise<boolean> {
  const answer = await Taro.showModal({
    title,
    content: '撤回后，您填写的姓名、电话等个人信息将立即删除，且无法恢复。确定撤回吗？',
    confirmText: '确认撤回',
    cancelText: '再想想',
    confirmColor: '#c8161d',
  });
  return answer.confirm;
}

/** 我的 → 登录设备: where I am signed in (self-hosted deployment), the current device marked, 退出 on any of them. */
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { SESSION_VIA_LABELS } from '@shared/labels';
import type { SessionView } from '@shared/sessions';
import { callApi } from '../../../api/callApi';
import { useAction } from '../../../api/hooks';
import { signOut } from '../../../api/identity';
import { useMutation } from '../../../api/useMutation';
import { ListState } from '../../../components/ListState';
import { boolAttr } from '../../../utils/boolAttr';
import { formatDateTime } from '../../../utils/time';
import './index.scss';

export default function SessionsPage() {
  const sessions = useAction('sessions.mine', {});
  const ending = useMutation();

  usePullDownRefresh(() => {
    void sessions.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const end = async (session: SessionView) => {
    const answer = await Taro.showModal({
      title: session.current ? '退出当前设备' : '退出该设备',
      content: session.current ? '退出后需要重新登录。' : `${session.device} 将立即退出登录，下次使用时需要重新登录。`,
      confirmText: '退出',
      cancelText: '取消',
      confirmColor: '#c8161d',
    });
    if (!answer.confirm) return;
    await ending.run(async () => {
      await callApi('sessions.revoke', { id: session.id });
      if (session.current) {
        signOut();
        await Taro.switchTab({ url: '/pages/me/index' });
        return;
      }
      void Taro.showToast({ title: '已退出该设备', icon: 'none' });
      await sessions.reload();
    });
  };

  // This device first, then the others as the server orders them (most recently used first).
  const rows = [...(sessions.data ?? [])].sort((a, b) => Number(b.current) - Number(a.current));
  return (
    <View className='sessions-page'>
      <Text className='sessions-page__intro'>以下设备正登录着您的账号。不认识的设备请立即退出。</Text>
      <ListState
        loading={sessions.loading}
        error={sessions.error}
        empty={rows.length === 0}
        emptyText='没有登录中的设备'
        onRetry={() => void sessions.reload()}
      />
      {rows.map((s) => (
        <View key={s.id} className={`session-row${s.current ? ' session-row--current' : ''}`}>
          <View className='session-row__main'>
            <View className='session-row__title'>
              <Text className='session-row__device'>{s.device}</Text>
              {s.current ? <Text className='session-row__current'>当前设备</Text> : null}
            </View>
            <Text className='session-row__meta'>{SESSION_VIA_LABELS[s.via]}</Text>
            <Text className='session-row__meta'>最近使用：{formatDateTime(s.lastSeenAt)}</Text>
            <Text className='session-row__meta'>登录时间：{formatDateTime(s.createdAt)}</Text>
          </View>
          <Button className='session-row__end' size='mini' disabled={boolAttr(ending.busy)} onClick={() => void end(s)}>
            退出
          </Button>
        </View>
      ))}
    </View>
  );
}

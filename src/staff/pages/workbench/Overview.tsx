import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useAction } from '../../../api/hooks';
import { inShanghai, todayInShanghai } from '../../../utils/time';

interface Tile {
  className: string;
  label: string;
  url: string;
  count: number | null;
}

const go = (url: string) => void Taro.navigateTo({ url });

/** What needs doing, with counts: the workbench opens on the waiting work, not on a list of drafts. */
export function Overview({ version }: { version: number }) {
  const claims = useAction('enterprises.claims', { status: 'pending' }, { version });
  const fairs = useAction('fairs.requests', { status: 'pending' }, { version });
  const guidance = useAction('guidance.list', { status: 'open' }, { version });
  const intents = useAction('intents.stats', {}, { version });
  const needs = useAction('needs.counts', {}, { version });
  const events = useAction('events.list', { status: 'published', includePast: true, limit: 50 }, { version });

  const today = todayInShanghai();
  const todays = events.data ? events.data.items.filter((e) => inShanghai(e.startAt).format('YYYY-MM-DD') === today).length : null;
  const tiles: Tile[] = [
    { className: 'claims-entry', label: '待审核企业认领', url: '/staff/pages/claims/index', count: claims.data?.length ?? null },
    { className: 'fair-requests-entry', label: '待审核参会', url: '/staff/pages/fair-requests/index', count: fairs.data?.length ?? null },
    { className: 'guidance-entry', label: '待回复就业指导', url: '/staff/pages/guidance/index', count: guidance.data?.length ?? null },
    { className: 'needs-entry', label: '办理中企业诉求', url: '/staff/pages/needs/index', count: needs.data?.open ?? null },
    { className: 'needs-overdue-entry', label: '超期诉求', url: '/staff/pages/needs/index', count: needs.data?.overdue ?? null },
    { className: 'intents-entry', label: '待联系入党意向', url: '/staff/pages/intents/index', count: intents.data?.byStatus.submitted ?? null },
  ];

  return (
    <View className='workbench__overview'>
      <Text className='workbench__section' aria-role='heading' aria-level='2'>
        待办
      </Text>
      <View className='workbench__tiles'>
        {tiles.map((t) => (
          <View key={t.className} className={`workbench__tile ${t.className}`} aria-role='link' onClick={() => go(t.url)}>
            <Text className={`workbench__count${t.count ? ' workbench__count--due' : ''}`}>{t.count ?? '–'}</Text>
            <Text className='workbench__tile-label'>{t.label}</Text>
          </View>
        ))}
      </View>
      <Text className='workbench__today'>{todays === null ? '今日活动：加载中…' : `今日活动：${todays} 场`}</Text>
      <View className='workbench__link outbox-entry' aria-role='link' onClick={() => go('/staff/pages/outbox/index')}>
        <Text>通知记录</Text>
        <Text className='workbench__arrow' aria-hidden='true'>
          ›
        </Text>
      </View>
      <View className='workbench__link orgs-entry' aria-role='link' onClick={() => go('/staff/pages/orgs/index')}>
        <Text>两新组织摸排（两个覆盖）</Text>
        <Text className='workbench__arrow' aria-hidden='true'>
          ›
        </Text>
      </View>
      <View className='workbench__link dashboard-entry' aria-role='link' onClick={() => go('/staff/pages/dashboard/index')}>
        <Text>半年工作数据</Text>
        <Text className='workbench__arrow' aria-hidden='true'>
          ›
        </Text>
      </View>
      <View className='workbench__link stations-entry' aria-role='link' onClick={() => go('/staff/pages/stations/index')}>
        <Text>党群服务站</Text>
        <Text className='workbench__arrow' aria-hidden='true'>
          ›
        </Text>
      </View>
      <View className='workbench__link notices-entry' aria-role='link' onClick={() => go('/staff/pages/notices/index')}>
        <Text>政策发布（送政策）</Text>
        <Text className='workbench__arrow' aria-hidden='true'>
          ›
        </Text>
      </View>
    </View>
  );
}

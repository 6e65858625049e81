import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@shared/labels';
import { GRANTABLE_ROLES, UsersSearchInput, type GrantableRole, type UserSummary } from '@shared/users';
import { callApi } from '../../../api/callApi';
import { useAction } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { FilterTabs, type FilterOption } from '../../../components/FilterTabs';
import { ListState } from '../../../components/ListState';
import { boolAttr } from '../../../utils/boolAttr';
import './index.scss';

type RoleFilter = GrantableRole | 'all';

const ROLE_TABS: readonly FilterOption<RoleFilter>[] = [
  { value: 'all', label: '全部' },
  ...GRANTABLE_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
];

type Change = 'grant' | 'revoke';

/** 王师傅 · 138****0011, the way an admin recognises a colleague (the openid is for operators: copied, not shown). */
const whoText = (u: UserSummary) => `${u.name ?? '未填写姓名'}${u.phone ? ` · ${u.phone}` : ''}`;

export default function RolesPage() {
  const [filter, setFilter] = useState<RoleFilter>('all');
  const users = useAction('users.list', filter === 'all' ? {} : { role: filter });
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<UserSummary[] | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const roleChange = useMutation();
  const lookup = useMutation();
  const busy = roleChange.busy || lookup.busy;

  usePullDownRefresh(() => {
    void users.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const search = async () => {
    const checked = UsersSearchInput.safeParse({ q: query });
    if (!checked.success) {
      setFormError(checked.error.issues[0]?.message ?? '请输入完整的姓名或手机号');
      return;
    }
    setFormError(null);
    await lookup.run(async () => setFound(await callApi('users.search', checked.data)));
  };

  const apply = async (change: Change, user: UserSummary, role: GrantableRole) => {
    const label = ROLE_LABELS[role];
    const answer = await Taro.showModal({
      title: change === 'grant' ? '授予角色' : '撤销角色',
      content: `确定${change === 'grant' ? '授予' : '撤销'} ${whoText(user)} 的「${label}」角色吗？`,
      confirmText: '确认',
      cancelText: '再想想',
      confirmColor: '#c8161d',
    });
    if (!answer.confirm) return;
    await roleChange.run(async () => {
      const payload = { openid: user.openid, role };
      const updated = change === 'grant' ? await callApi('users.grantRole', payload) : await callApi('users.revokeRole', payload);
      void Taro.showToast({ title: `${change === 'grant' ? '已授予' : '已撤销'}${label}`, icon: 'none' });
      setFound((list) => list?.map((u) => (u.openid === updated.openid ? updated : u)) ?? null);
      void users.reload();
    });
  };

  const rows: UserSummary[] = users.data ?? [];
  return (
    <View className='roles-page'>
      <View className='roles-page__form'>
        <Text className='roles-page__section-title' aria-role='heading' aria-level='2'>
          查找人员
        </Text>
        <Text className='roles-page__hint'>输入对方在小程序中留下的完整姓名或手机号。对方需先登录过一次小程序。</Text>
        <View className='roles-page__search'>
          <Input
            className='role-query'
            aria-label='姓名或手机号'
            placeholder='姓名或手机号'
            maxlength={20}
            value={query}
            confirmType='search'
            onConfirm={() => void search()}
            onInput={(e) => {
              setQuery(e.detail.value);
              setFormError(null);
            }}
          />
          <Button className='role-search btn-primary' size='mini' disabled={boolAttr(busy)} onClick={() => void search()}>
            查找
          </Button>
        </View>
        {formError ? <Text className='field-error'>{formError}</Text> : null}
        {found && found.length === 0 ? <Text className='roles-page__hint role-none'>没有找到，请核对姓名或手机号。</Text> : null}
        {(found ?? []).map((u) => (
          <UserRow key={u.openid} user={u} busy={busy} onChange={(change, role) => void apply(change, u, role)} offerAdmin />
        ))}
      </View>

      <FilterTabs options={ROLE_TABS} value={filter} onChange={setFilter} />
      <ListState loading={users.loading} error={users.error} empty={rows.length === 0} emptyText='暂无用户' onRetry={() => void users.reload()} />
      {rows.map((u) => (
        <UserRow key={u.openid} user={u} busy={busy} onChange={(change, role) => void apply(change, u, role)} />
      ))}
    </View>
  );
}

interface UserRowProps {
  user: UserSummary;
  busy: boolean;
  onChange: (change: Change, role: GrantableRole) => void;
  /** Search results may also be made admins; the list of role holders offers staff only. */
  offerAdmin?: boolean;
}

function UserRow({ user, busy, onChange, offerAdmin = false }: UserRowProps) {
  const isStaff = user.roles.includes('staff');
  const isAdmin = user.roles.includes('admin');
  return (
    <View className='user-row'>
      <View className='user-row__main'>
        <Text className='user-row__name'>{whoText(user)}</Text>
        <Text className='user-row__roles'>{user.roles.map((r) => ROLE_LABELS[r]).join('、')}</Text>
        <Text className='user-row__copy' aria-role='button' onClick={() => void Taro.setClipboardData({ data: user.openid })}>
          复制用户标识
        </Text>
      </View>
      <View className='user-row__actions'>
        <Button className={isStaff ? 'user-row__revoke' : 'user-row__grant'} size='mini' disabled={boolAttr(busy)} onClick={() => onChange(isStaff ? 'revoke' : 'grant', 'staff')}>
          {isStaff ? '撤销工作人员' : '设为工作人员'}
        </Button>
        {offerAdmin || isAdmin ? (
          <Button className={isAdmin ? 'user-row__revoke-admin' : 'user-row__grant-admin'} size='mini' disabled={boolAttr(busy)} onClick={() => onChange(isAdmin ? 'revoke' : 'grant', 'admin')}>
            {isAdmin ? '撤销管理员' : '设为管理员'}
          </Button>
        ) : null}
      </View>
    </View>
  );
}

import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@shared/labels';
import { GRANTABLE_ROLES, RoleChangeInput, type GrantableRole, type UserSummary } from '@shared/users';
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

const ROLE_NAMES = GRANTABLE_ROLES.map((r) => ROLE_LABELS[r]);

type Change = 'grant' | 'revoke';

export default function RolesPage() {
  const [filter, setFilter] = useState<RoleFilter>('all');
  const users = useAction('users.list', filter === 'all' ? {} : { role: filter });
  const [openid, setOpenid] = useState('');
  const [role, setRole] = useState<GrantableRole>('staff');
  const [formError, setFormError] = useState<string | null>(null);
  const roleChange = useMutation();
  const busy = roleChange.busy;

  usePullDownRefresh(() => {
    void users.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const apply = async (change: Change, target: { openid: string; role: GrantableRole }): Promise<boolean> => {
    const checked = RoleChangeInput.safeParse(target);
    if (!checked.success) {
      setFormError(checked.error.issues[0]?.message ?? '用户标识不正确');
      return false;
    }
    const label = ROLE_LABELS[checked.data.role];
    if (change === 'revoke') {
      const answer = await Taro.showModal({
        title: '撤销角色',
        content: `确定撤销 ${checked.data.openid} 的「${label}」角色吗？`,
        confirmText: '确认',
        cancelText: '再想想',
        confirmColor: '#c8161d',
      });
      if (!answer.confirm) return false;
    }
    const done = await roleChange.run(async () => {
      const user = change === 'grant' ? await callApi('users.grantRole', checked.data) : await callApi('users.revokeRole', checked.data);
      void Taro.showToast({ title: `${change === 'grant' ? '已授予' : '已撤销'}${label}：${user.openid}`, icon: 'none' });
      void users.reload();
      return true;
    });
    return done === true;
  };

  const submit = async (change: Change) => {
    setFormError(null);
    if (await apply(change, { openid: openid.trim(), role })) setOpenid('');
  };

  const rows: UserSummary[] = users.data ?? [];
  return (
    <View className='roles-page'>
      <View className='roles-page__form'>
        <Text className='roles-page__section-title'>按 openid 授予或撤销</Text>
        <Input
          className='role-openid'
          placeholder='用户 openid'
          maxlength={64}
          value={openid}
          onInput={(e) => {
            setOpenid(e.detail.value);
            setFormError(null);
          }}
        />
        <Picker
          mode='selector'
          range={ROLE_NAMES}
          value={GRANTABLE_ROLES.indexOf(role)}
          onChange={(e) => {
            const picked = GRANTABLE_ROLES[Number(e.detail.value)];
            if (picked) setRole(picked);
          }}
        >
          <Text className='roles-page__role'>{`角色：${ROLE_LABELS[role]} ▾`}</Text>
        </Picker>
        {formError ? <Text className='field-error'>{formError}</Text> : null}
        <View className='roles-page__buttons'>
          <Button className='role-grant btn-primary' size='mini' disabled={boolAttr(busy)} onClick={() => void submit('grant')}>
            授予
          </Button>
          <Button className='role-revoke' size='mini' disabled={boolAttr(busy)} onClick={() => void submit('revoke')}>
            撤销
          </Button>
        </View>
      </View>

      <FilterTabs options={ROLE_TABS} value={filter} onChange={setFilter} />
      <ListState loading={users.loading} error={users.error} empty={rows.length === 0} emptyText='暂无用户' onRetry={() => void users.reload()} />
      {rows.map((u) => {
        const isStaff = u.roles.includes('staff');
        return (
          <View key={u.openid} className='user-row'>
            <View className='user-row__main'>
              <Text className='user-row__name'>{u.name ?? '未填写姓名'}</Text>
              <Text className='user-row__openid'>{u.openid}</Text>
              <Text className='user-row__roles'>{u.roles.map((r) => ROLE_LABELS[r]).join('、')}</Text>
            </View>
            <Button
              className={isStaff ? 'user-row__revoke' : 'user-row__grant'}
              size='mini'
              disabled={boolAttr(busy)}
              onClick={() => void apply(isStaff ? 'revoke' : 'grant', { openid: u.openid, role: 'staff' })}
            >
              {isStaff ? '撤销工作人员' : '设为工作人员'}
            </Button>
          </View>
        );
      })}
    </View>
  );
}

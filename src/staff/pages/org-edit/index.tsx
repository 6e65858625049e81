import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { COVERAGES, ORG_KINDS, ORG_STATUSES, OrgCreateInput, type Coverage, type Org, type OrgKind, type OrgStatus } from '@shared/orgs';
import { COVERAGE_LABELS, ORG_FIELD_LABELS, ORG_KIND_LABELS, ORG_STATUS_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { useAction } from '../../../api/hooks';
import { useMe } from '../../../api/useMe';
import { useMutation } from '../../../api/useMutation';
import { ListState } from '../../../components/ListState';
import { FormRow, TextRow } from '../../../components/form/FormRow';
import { OptionPicker } from '../../../components/form/OptionPicker';
import { boolAttr } from '../../../utils/boolAttr';
import { todayInShanghai } from '../../../utils/time';
import { StaffOnly } from '../../StaffOnly';
import '../../../components/form/index.scss';
import '../../census.scss';

export default function OrgEditPage() {
  return (
    <StaffOnly>
      <Editor />
    </StaffOnly>
  );
}

/** A new organisation, or an existing one loaded first. */
function Editor() {
  const id = useRouter().params.id;
  const org = useAction('orgs.get', { id: id ?? '' }, { enabled: !!id });
  if (id && !org.data) return <ListState loading={org.loading} error={org.error} empty onRetry={() => void org.reload()} />;
  return <OrgForm org={org.data} />;
}

interface Draft {
  name: string;
  uscc: string;
  usccMissingReason: string;
  kind: OrgKind;
  industry: string;
  address: string;
  gridId: string | null;
  employees: string;
  partyMembers: string;
  status: OrgStatus;
  statusChangedOn: string;
  coverage: Coverage;
  branchName: string;
  branchFoundedOn: string;
  jointOrgId: string | null;
  /** The instructor: the staff user kept (shown by name), or a name typed. */
  instructorOpenid: string | null;
  instructorName: string;
}

const toDraft = (o: Org | null): Draft => ({
  name: o?.name ?? '',
  uscc: o?.uscc ?? '',
  usccMissingReason: o?.usccMissingReason ?? '',
  kind: o?.kind ?? 'economic',
  industry: o?.industry ?? '',
  address: o?.address ?? '',
  gridId: o?.gridId ?? null,
  employees: o?.employees == null ? '' : String(o.employees),
  partyMembers: o?.partyMembers == null ? '' : String(o.partyMembers),
  status: o?.status ?? 'active',
  statusChangedOn: o?.statusChangedOn ?? '',
  coverage: o?.coverage ?? 'none',
  branchName: o?.branchName ?? '',
  branchFoundedOn: o?.branchFoundedOn ?? '',
  jointOrgId: o?.jointOrgId ?? null,
  instructorOpenid: o?.instructorOpenid ?? null,
  instructorName: o?.instructorName ?? '',
});

const text = (v: string) => (v.trim() ? v.trim() : undefined);
const count = (v: string) => (v.trim() === '' ? undefined : Number(v));

/** What the form sends: the fields filled in (an edit sends null for the ones emptied). */
function payloadOf(d: Draft, editing: boolean): Record<string, unknown> {
  const clear = (v: unknown) => (v === undefined ? (editing ? null : undefined) : v);
  const fields: Record<string, unknown> = {
    name: d.name.trim(),
    uscc: clear(text(d.uscc)),
    usccMissingReason: clear(text(d.uscc) ? undefined : text(d.usccMissingReason)),
    kind: d.kind,
    industry: clear(text(d.industry)),
    address: clear(text(d.address)),
    gridId: clear(d.gridId ?? undefined),
    employees: clear(count(d.employees)),
    partyMembers: clear(count(d.partyMembers)),
    status: d.status,
    statusChangedOn: clear(text(d.statusChangedOn)),
    coverage: d.coverage,
    branchName: d.coverage === 'standalone' ? clear(text(d.branchName)) : undefined,
    branchFoundedOn: d.coverage === 'standalone' ? clear(text(d.branchFoundedOn)) : undefined,
    jointOrgId: d.coverage === 'joint' ? clear(d.jointOrgId ?? undefined) : undefined,
    ...(d.instructorOpenid ? { instructorOpenid: d.instructorOpenid } : { instructorName: clear(text(d.instructorName)) }),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

function OrgForm({ org }: { org: Org | null }) {
  const [draft, setDraft] = useState(() => toDraft(org));
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useMutation({ toast: false });
  const me = useMe();
  const grids = useAction('orgs.grids', {});
  const partyOrgs = useAction('partyOrgs.list', {});
  const joint = (partyOrgs.data ?? []).filter((p) => p.kind === 'joint');
  const gridLabels = Object.fromEntries((grids.data ?? []).map((g) => [g.id, g.name]));
  const jointLabels = Object.fromEntries(joint.map((p) => [p.id, p.name]));
  const today = todayInShanghai();
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setInvalid(null);
    save.clear();
  };

  const submit = async () => {
    const payload = payloadOf(draft, !!org);
    // The contract's own schema checks each field before anything is sent; the server checks how they fit together.
    const checked = OrgCreateInput.partial().safeParse(Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== null)));
    if (!checked.success) {
      const issue = checked.error.issues[0];
      setInvalid(`${ORG_FIELD_LABELS[String(issue?.path[0])] ?? '内容'}：${issue?.message ?? '请检查'}`);
      return;
    }
    await save.run(async () => {
      const saved = org
        ? await callApi('orgs.update', { id: org.id, ...payload } as Parameters<typeof callApi<'orgs.update'>>[1])
        : await callApi('orgs.create', payload as Parameters<typeof callApi<'orgs.create'>>[1]);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      if (org) void Taro.navigateBack();
      else void Taro.redirectTo({ url: `/staff/pages/org-detail/index?id=${encodeURIComponent(saved.id)}` });
    });
  };

  return (
    <View className='census org-form followup-form'>
      <TextRow label='名称' field='org-name' placeholder='营业执照或登记证书上的全称' maxlength={60} value={draft.name} onInput={(v) => set('name', v)} />
      <TextRow label='统一社会信用代码' field='org-uscc' placeholder='18 位，如 91310117MA1J3YX204' maxlength={18} value={draft.uscc} onInput={(v) => set('uscc', v.toUpperCase())} />
      {draft.uscc.trim() ? null : (
        <TextRow label='无代码原因' field='org-uscc-reason' placeholder='确实没有代码的，说明原因，如：个体工商户、未登记' maxlength={30} value={draft.usccMissingReason} onInput={(v) => set('usccMissingReason', v)} />
      )}
      <FormRow label='类型'>
        <OptionPicker className='org-kind' options={ORG_KINDS} labels={ORG_KIND_LABELS} value={draft.kind} placeholder='请选择' onChange={(v) => set('kind', v)} />
      </FormRow>
      <TextRow label='行业' optional field='org-industry' placeholder='如：服装制造' maxlength={30} value={draft.industry} onInput={(v) => set('industry', v)} />
      <TextRow label='地址' optional field='org-address' placeholder='经营或办公地址' maxlength={100} value={draft.address} onInput={(v) => set('address', v)} />
      <FormRow label='党建网格' optional>
        <OptionPicker className='org-grid' options={(grids.data ?? []).map((g) => g.id)} labels={gridLabels} value={draft.gridId} placeholder='请选择网格' onChange={(v) => set('gridId', v)} />
      </FormRow>
      <TextRow label='从业人数' optional field='org-employees' type='number' placeholder='人' maxlength={7} value={draft.employees} onInput={(v) => set('employees', v)} />
      <TextRow label='党员人数' optional field='org-party-members' type='number' placeholder='人' maxlength={6} value={draft.partyMembers} onInput={(v) => set('partyMembers', v)} />
      <FormRow label='经营状态'>
        <OptionPicker className='org-status' options={ORG_STATUSES} labels={ORG_STATUS_LABELS} value={draft.status} placeholder='请选择' onChange={(v) => set('status', v)} />
      </FormRow>
      <FormRow label='状态变更日期' optional>
        <Picker className='org-status-date' mode='date' end={today} value={draft.statusChangedOn || today} onChange={(e) => set('statusChangedOn', String(e.detail.value))}>
          <Text className={draft.statusChangedOn ? 'picker-value' : 'picker-value picker-value--empty'}>{draft.statusChangedOn || '状态变化时默认当天'}</Text>
        </Picker>
      </FormRow>
      <FormRow label='组织覆盖'>
        <OptionPicker className='org-coverage' options={COVERAGES} labels={COVERAGE_LABELS} value={draft.coverage} placeholder='请选择' onChange={(v) => set('coverage', v)} />
      </FormRow>
      {draft.coverage === 'standalone' ? (
        <>
          <TextRow label='党组织名称' field='org-branch' placeholder='如：上海咏姿时装有限公司党支部' maxlength={60} value={draft.branchName} onInput={(v) => set('branchName', v)} />
          <FormRow label='党组织成立日期' optional>
            <Picker className='org-branch-date' mode='date' end={today} value={draft.branchFoundedOn || today} onChange={(e) => set('branchFoundedOn', String(e.detail.value))}>
              <Text className={draft.branchFoundedOn ? 'picker-value' : 'picker-value picker-value--empty'}>{draft.branchFoundedOn || '请选择日期'}</Text>
            </Picker>
          </FormRow>
        </>
      ) : null}
      {draft.coverage === 'joint' ? (
        <FormRow label='联合党组织'>
          <OptionPicker className='org-joint' options={joint.map((p) => p.id)} labels={jointLabels} value={draft.jointOrgId} placeholder='请选择联合党组织' onChange={(v) => set('jointOrgId', v)} />
        </FormRow>
      ) : null}
      <FormRow label='党建工作指导员' optional>
        {draft.instructorOpenid ? (
          <View className='census__tags'>
            <Text className='picker-value org-instructor'>{draft.instructorOpenid === me.me?.openid ? `${draft.instructorName || '我'}（我）` : draft.instructorName || '工作人员'}</Text>
            <Button size='mini' className='btn-secondary' onClick={() => setDraft((d) => ({ ...d, instructorOpenid: null, instructorName: '' }))}>
              改为填写姓名
            </Button>
          </View>
        ) : (
          <View className='census__tags'>
            <Input className='followup-form__input org-instructor-name' placeholder='指导员姓名' maxlength={20} value={draft.instructorName} onInput={(e) => set('instructorName', e.detail.value)} />
            {me.me ? (
              <Button size='mini' className='btn-secondary org-instructor-me' onClick={() => setDraft((d) => ({ ...d, instructorOpenid: me.me?.openid ?? null, instructorName: me.me?.profile?.name ?? '' }))}>
                由我担任
              </Button>
            ) : null}
          </View>
        )}
      </FormRow>
      {invalid ?? save.message ? <Text className='field-error org-form-error'>{invalid ?? save.message}</Text> : null}
      <View className='census__actions'>
        <Button className='btn-primary org-save' disabled={boolAttr(save.busy)} onClick={() => void submit()}>
          保存
        </Button>
      </View>
    </View>
  );
}

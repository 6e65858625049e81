import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Picker, Text, Textarea, View } from '@tarojs/components';
import { NEED_CATEGORIES, type NeedCategory } from '@shared/needs';
import { VisitCreateInput } from '@shared/orgs';
import { NEED_CATEGORY_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { useAction } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { ListState } from '../../../components/ListState';
import { FormRow, TextRow } from '../../../components/form/FormRow';
import { OptionPicker } from '../../../components/form/OptionPicker';
import { boolAttr } from '../../../utils/boolAttr';
import { todayInShanghai } from '../../../utils/time';
import { StaffOnly } from '../../StaffOnly';
import '../../../components/form/index.scss';
import '../../census.scss';

export default function VisitEditPage() {
  return (
    <StaffOnly>
      <VisitForm />
    </StaffOnly>
  );
}

const FIELD_NAMES: Record<string, string> = { date: '走访日期', visitor: '走访人', findings: '走访情况', problems: '问题' };

/** 走访: when, who, what was found, and the problems raised — each problem becomes a need staff follow up. */
function VisitForm() {
  const orgId = useRouter().params.orgId ?? '';
  const org = useAction('orgs.get', { id: orgId });
  const today = todayInShanghai();
  const [date, setDate] = useState(today);
  const [visitor, setVisitor] = useState('');
  const [findings, setFindings] = useState('');
  const [problems, setProblems] = useState<{ category: NeedCategory | null; text: string }[]>([]);
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useMutation({ toast: false });
  if (!org.data) return <ListState loading={org.loading} error={org.error} empty onRetry={() => void org.reload()} />;

  const setProblem = (i: number, p: Partial<{ category: NeedCategory; text: string }>) => {
    setProblems((list) => list.map((x, j) => (j === i ? { ...x, ...p } : x)));
    setInvalid(null);
  };
  const submit = async () => {
    const checked = VisitCreateInput.safeParse({
      orgId,
      date,
      ...(visitor.trim() ? { visitor: visitor.trim() } : {}),
      findings,
      problems: problems.map((p) => ({ category: p.category ?? undefined, text: p.text })),
    });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const where = issue?.path[0] === 'problems' ? `第 ${Number(issue.path[1]) + 1} 个问题` : FIELD_NAMES[String(issue?.path[0])] ?? '内容';
      setInvalid(`${where}：${issue?.message ?? '请检查'}`);
      return;
    }
    await save.run(async () => {
      const visit = await callApi('visits.create', checked.data);
      void Taro.showToast({ title: visit.needsCreated ? `已记录，${visit.needsCreated} 个问题转为企业诉求` : '已记录', icon: 'none' });
      void Taro.navigateBack();
    });
  };

  return (
    <View className='census visit-form followup-form'>
      <View className='census__card'>
        <Text className='census__name'>{org.data.name}</Text>
        <Text className='census__meta'>{org.data.lastVisitOn ? `最近走访 ${org.data.lastVisitOn}` : '尚未走访'}</Text>
      </View>
      <FormRow label='走访日期'>
        <Picker className='visit-date' mode='date' end={today} value={date} onChange={(e) => setDate(String(e.detail.value))}>
          <Text className='picker-value'>{date}</Text>
        </Picker>
      </FormRow>
      <TextRow label='走访人' optional field='visit-visitor' placeholder='不填则为本人' maxlength={20} value={visitor} onInput={setVisitor} />
      <TextRow label='走访情况' field='visit-findings' placeholder='企业经营、党建工作、职工情况等' maxlength={1000} multiline value={findings} onInput={(v) => { setFindings(v); setInvalid(null); }} />
      <Text className='census__section'>发现的问题（每个问题转为一条企业诉求）</Text>
      {problems.map((p, i) => (
        <View key={i} className='census__card visit-problem'>
          <FormRow label={`问题 ${i + 1} 类别`}>
            <OptionPicker className='visit-problem-category' options={NEED_CATEGORIES} labels={NEED_CATEGORY_LABELS} value={p.category} placeholder='请选择类别' onChange={(v) => setProblem(i, { category: v })} />
          </FormRow>
          <Textarea className='followup-form__textarea visit-problem-text' placeholder='问题描述（至少 5 个字）' maxlength={500} value={p.text} onInput={(e) => setProblem(i, { text: e.detail.value })} />
          <Button size='mini' className='btn-secondary' onClick={() => setProblems((list) => list.filter((_, j) => j !== i))}>
            删除此问题
          </Button>
        </View>
      ))}
      <View className='census__actions'>
        <Button size='mini' className='btn-secondary visit-add-problem' disabled={boolAttr(problems.length >= 20)} onClick={() => setProblems((list) => [...list, { category: null, text: '' }])}>
          添加问题
        </Button>
      </View>
      {invalid ?? save.message ? <Text className='field-error visit-error'>{invalid ?? save.message}</Text> : null}
      <View className='census__actions'>
        <Button className='btn-primary visit-save' disabled={boolAttr(save.busy)} onClick={() => void submit()}>
          保存走访记录
        </Button>
      </View>
    </View>
  );
}

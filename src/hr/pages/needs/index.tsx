import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { NEED_CATEGORIES, NEED_RATINGS, NEED_TIME_LIMITS, NeedCreateInput, type Need, type NeedCategory, type NeedRating } from '@shared/needs';
import { NEED_CATEGORY_LABELS, NEED_RATING_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { useAction } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { ListState } from '../../../components/ListState';
import { NeedStatus } from '../../../components/needs/NeedStatus';
import { FormRow } from '../../../components/form/FormRow';
import { OptionPicker } from '../../../components/form/OptionPicker';
import { boolAttr } from '../../../utils/boolAttr';
import '../../../components/form/index.scss';
import './index.scss';

/** 企业诉求: the HR contact raises a need for their enterprise, follows it to 已办结, reads the reply and rates it. */
export default function HrNeedsPage() {
  const [version, setVersion] = useState(0);
  const mine = useAction('needs.mine', {}, { version });
  usePullDownRefresh(() => {
    void mine.reload().finally(() => Taro.stopPullDownRefresh());
  });
  const items = mine.data ?? [];
  return (
    <View className='needs-page'>
      <NeedForm onCreated={() => setVersion((v) => v + 1)} />
      <Text className='needs-page__heading' aria-role='heading' aria-level='2'>
        我们的诉求
      </Text>
      <ListState loading={mine.loading} error={mine.error} empty={items.length === 0} emptyText='还没有提出过诉求' onRetry={() => void mine.reload()} />
      {items.map((n) => (
        <View key={n.id} className='needs-page__item'>
          <NeedStatus need={n} />
          {n.canRate ? <RateBar need={n} onRated={() => setVersion((v) => v + 1)} /> : null}
        </View>
      ))}
    </View>
  );
}

function NeedForm({ onCreated }: { onCreated: () => void }) {
  const [category, setCategory] = useState<NeedCategory | null>(null);
  const [text, setText] = useState('');
  const [attachment, setAttachment] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const create = useMutation({ toast: false });

  const submit = async () => {
    const checked = NeedCreateInput.safeParse({ category: category ?? undefined, text, ...(attachment.trim() ? { attachment } : {}) });
    if (!checked.success) {
      setInvalid(checked.error.issues[0]?.message ?? '请检查填写的内容');
      return;
    }
    await create.run(async () => {
      await callApi('needs.create', checked.data);
      setCategory(null);
      setText('');
      setAttachment('');
      void Taro.showToast({ title: '已提交，工作人员会尽快受理', icon: 'none' });
      onCreated();
    });
  };

  const error = invalid ?? create.message;
  return (
    <View className='needs-form'>
      <Text className='needs-form__title'>提出诉求</Text>
      <Text className='needs-form__hint'>招聘、政策、融资、场地等经营中的困难都可以提，镇里会协调发展公司、经发办等部门办理。内容仅本企业和工作人员可见。</Text>
      <FormRow label='类别'>
        <OptionPicker
          className='need-category'
          options={NEED_CATEGORIES}
          labels={NEED_CATEGORY_LABELS}
          value={category}
          placeholder='请选择'
          onChange={(c) => {
            setCategory(c);
            setInvalid(null);
          }}
        />
      </FormRow>
      {category ? <Text className='needs-form__hint'>{`该类诉求一般在 ${NEED_TIME_LIMITS[category]} 个工作日内办结`}</Text> : null}
      <Textarea
        className='needs-form__text need-text'
        placeholder='请写清楚遇到的问题和希望得到的帮助（最多 1000 字）'
        maxlength={1000}
        value={text}
        onInput={(e) => {
          setText(e.detail.value);
          setInvalid(null);
          create.clear();
        }}
      />
      <Input
        className='needs-form__link need-attachment'
        placeholder='附件链接（选填，https:// 开头）'
        value={attachment}
        onInput={(e) => setAttachment(e.detail.value)}
      />
      {error ? <Text className='field-error'>{error}</Text> : null}
      <Button className='btn-primary need-submit' disabled={boolAttr(create.busy)} onClick={() => void submit()}>
        提交诉求
      </Button>
    </View>
  );
}

function RateBar({ need, onRated }: { need: Need; onRated: () => void }) {
  const [rating, setRating] = useState<NeedRating | null>(null);
  const [note, setNote] = useState('');
  const rate = useMutation();
  const send = () =>
    rating &&
    rate.run(async () => {
      await callApi('needs.rate', { id: need.id, rating, ...(note.trim() ? { note } : {}) });
      void Taro.showToast({ title: '感谢您的评价', icon: 'none' });
      onRated();
    });
  return (
    <View className='needs-rate'>
      <Text className='needs-rate__title'>对办理结果满意吗？（只能评价一次）</Text>
      <View className='needs-rate__choices'>
        {NEED_RATINGS.map((r) => (
          <Text
            key={r}
            aria-role='button'
            className={`needs-rate__choice need-rate-${r}${rating === r ? ' needs-rate__choice--on' : ''}`}
            onClick={() => setRating(r)}
          >
            {NEED_RATING_LABELS[r]}
          </Text>
        ))}
      </View>
      <Input className='needs-form__link need-rate-note' placeholder='说明（选填）' maxlength={200} value={note} onInput={(e) => setNote(e.detail.value)} />
      <Button className='btn-primary need-rate-submit' size='mini' disabled={boolAttr(!rating || rate.busy)} onClick={() => void send()}>
        提交评价
      </Button>
    </View>
  );
}

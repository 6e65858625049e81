import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { STATION_SERVICES, StationCreateInput, type Station, type StationService } from '@shared/stations';
import { STATION_SERVICE_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { useAction } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { ListState } from '../../../components/ListState';
import { FormRow } from '../../../components/form/FormRow';
import { boolAttr } from '../../../utils/boolAttr';
import { StaffOnly } from '../../StaffOnly';
import '../../../components/form/index.scss';
import '../../../station/station.scss';
import './index.scss';

export default function StaffStationsPage() {
  return (
    <StaffOnly>
      <Stations />
    </StaffOnly>
  );
}

type Draft = Record<'name' | 'host' | 'address' | 'lat' | 'lng' | 'hours' | 'phone' | 'intro', string> & { services: StationService[] };
const EMPTY: Draft = { name: '', host: '', address: '', lat: '', lng: '', hours: '', phone: '', intro: '', services: [] };
const toDraft = (s: Station): Draft => ({ ...s, lat: String(s.lat), lng: String(s.lng), phone: s.phone ?? '', intro: s.intro ?? '' });

/** The directory staff keep: add a station, or tap one to edit it. Coordinates are GCJ-02 (腾讯/高德地图 拾取坐标). */
function Stations() {
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null);
  const stations = useAction('stations.list', {}, { version });
  const items = stations.data ?? [];
  if (editing) {
    return (
      <StationForm
        id={editing.id}
        initial={editing.draft}
        onDone={() => {
          setEditing(null);
          setVersion((v) => v + 1);
        }}
      />
    );
  }
  return (
    <View className='station-page'>
      <View className='station-page__locate'>
        <Text>{`共 ${items.length} 个服务站`}</Text>
        <Button size='mini' className='btn-primary station-create' onClick={() => setEditing({ id: null, draft: EMPTY })}>
          新增服务站
        </Button>
      </View>
      <ListState loading={stations.loading} error={stations.error} empty={items.length === 0} emptyText='暂无服务站' onRetry={() => void stations.reload()} />
      {items.map((s) => (
        <View key={s.id} className='station-card' aria-role='button' onClick={() => setEditing({ id: s.id, draft: toDraft(s) })}>
          <Text className='station-card__name'>{s.name}</Text>
          <Text className='station-card__meta'>{`${s.address} · ${s.hours}`}</Text>
          <Text className='station-card__meta'>{s.services.map((t) => STATION_SERVICE_LABELS[t]).join('、')}</Text>
        </View>
      ))}
    </View>
  );
}

const FIELDS: [keyof Omit<Draft, 'services'>, string, string][] = [
  ['name', '名称', '如：山间咏汇党群服务站'],
  ['host', '承办单位', '如：上海咏姿时装有限公司'],
  ['address', '地址', '详细地址'],
  ['lat', '纬度', 'GCJ-02，如 31.0935'],
  ['lng', '经度', 'GCJ-02，如 121.2032'],
  ['hours', '开放时间', '如：工作日 9:00–17:00'],
  ['phone', '联系电话', '选填'],
  ['intro', '介绍', '选填，最多 300 字'],
];

function StationForm({ id, initial, onDone }: { id: string | null; initial: Draft; onDone: () => void }) {
  const [draft, setDraft] = useState(initial);
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useMutation({ toast: false });
  const set = (k: keyof Draft, v: unknown) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setInvalid(null);
  };
  const toggle = (t: StationService) => set('services', draft.services.includes(t) ? draft.services.filter((x) => x !== t) : [...draft.services, t]);
  const submit = async () => {
    const checked = StationCreateInput.safeParse({
      ...draft,
      lat: Number(draft.lat),
      lng: Number(draft.lng),
      phone: draft.phone.trim() || null,
      intro: draft.intro.trim() || null,
    });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      setInvalid(issue ? `${FIELDS.find(([k]) => k === issue.path[0])?.[1] ?? '服务'}：${issue.message}` : '请检查填写的内容');
      return;
    }
    await save.run(async () => {
      if (id) await callApi('stations.update', { id, ...checked.data });
      else await callApi('stations.create', checked.data);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onDone();
    });
  };
  return (
    <View className='station-form'>
      {FIELDS.map(([k, label, placeholder]) => (
        <FormRow key={k} label={label}>
          <Input className={`followup-form__input station-${k}`} placeholder={placeholder} value={draft[k]} onInput={(e) => set(k, e.detail.value)} />
        </FormRow>
      ))}
      <FormRow label='服务'>
        <View className='station-card__tags'>
          {STATION_SERVICES.map((t) => (
            <Text key={t} aria-role='checkbox' className={`station-form__tag${draft.services.includes(t) ? ' station-form__tag--on' : ''}`} onClick={() => toggle(t)}>
              {STATION_SERVICE_LABELS[t]}
            </Text>
          ))}
        </View>
      </FormRow>
      {invalid ?? save.message ? <Text className='field-error'>{invalid ?? save.message}</Text> : null}
      <View className='station-card__actions'>
        <Button className='btn-primary station-save' disabled={boolAttr(save.busy)} onClick={() => void submit()}>
          保存
        </Button>
        <Button className='btn-secondary' onClick={onDone}>
          取消
        </Button>
      </View>
    </View>
  );
}

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { ImportPreview, ImportResult, ImportRowView } from '@shared/orgs';
import { IMPORT_VERDICT_LABELS, ORG_FIELD_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { useMutation } from '../../../api/useMutation';
import { ExportButton } from '../../../components/ExportButton';
import { boolAttr } from '../../../utils/boolAttr';
import { formatDateTime } from '../../../utils/time';
import { StaffOnly } from '../../StaffOnly';
import { chooseSheet } from './chooseSheet';
import '../../census.scss';

export default function OrgImportPage() {
  return (
    <StaffOnly>
      <Import />
    </StaffOnly>
  );
}

/**
 * Pick the carpet-survey .xlsx, see every row's verdict, then 确认导入: the new and changed rows are written in one
 * transaction; refused rows are listed again and never written.
 */
function Import() {
  const [file, setFile] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const work = useMutation({ toast: false });

  const pick = () =>
    work.run(async () => {
      setProblem(null);
      const chosen = await chooseSheet();
      if (!chosen) return;
      if (!chosen.ok) {
        setProblem(chosen.message);
        return;
      }
      setFile(chosen.name);
      setResult(null);
      setPreview(null);
      setPreview(await callApi('orgs.importPreview', { base64: chosen.base64 }));
    });

  const apply = async () => {
    if (!preview) return;
    const { counts } = preview;
    if (counts.refused) {
      const ok = await Taro.showModal({
        title: '确认导入',
        content: `${counts.refused} 行不能导入，将不会写入；其余 ${counts.new} 行新增、${counts.changed} 行更新。继续吗？`,
        confirmText: '导入',
        cancelText: '取消',
        confirmColor: '#c8161d',
      });
      if (!ok.confirm) return;
    }
    await work.run(async () => {
      setResult(await callApi('orgs.importApply', { previewId: preview.previewId }));
      void Taro.showToast({ title: '已导入', icon: 'success' });
    });
  };

  const nothingToWrite = !!preview && preview.counts.new + preview.counts.changed === 0;
  return (
    <View className='census org-import'>
      <View className='census__card'>
        <Text className='census__meta'>
          表头为中文：名称、统一社会信用代码、类型、行业、地址、网格、从业人数、党员人数、经营状态、组织覆盖、联合党组织/党组织名称、指导员。空白单元格不会清除已有内容。
        </Text>
        <View className='census__actions'>
          <Button className='btn-primary org-import-pick' size='mini' disabled={boolAttr(work.busy)} onClick={() => void pick()}>
            {work.busy && !preview ? '正在读取…' : file ? '重新选择文件' : '选择 .xlsx 文件'}
          </Button>
          <ExportButton label='下载模板（导出当前名册）' className='org-import-template' request={() => callApi('exports.orgs', {})} />
        </View>
        {file ? <Text className='census__meta'>{`文件：${file}`}</Text> : null}
        {problem ?? work.message ? <Text className='field-error org-import-error'>{problem ?? work.message}</Text> : null}
      </View>

      {result ? <Applied result={result} /> : null}

      {preview && !result ? (
        <>
          <View className='census__summary org-import-counts'>
            <Text>{`新增 ${preview.counts.new}`}</Text>
            <Text>{`有变化 ${preview.counts.changed}`}</Text>
            <Text>{`无变化 ${preview.counts.unchanged}`}</Text>
            <Text className='census__reason'>{`不能导入 ${preview.counts.refused}`}</Text>
          </View>
          <Text className='census__count'>{`预览保留至 ${formatDateTime(preview.expiresAt)}；无变化的行只列出前 50 行。`}</Text>
          <View className='census__actions'>
            <Button className='btn-primary org-import-apply' disabled={boolAttr(work.busy || nothingToWrite)} onClick={() => void apply()}>
              {nothingToWrite ? '没有需要写入的行' : '确认导入'}
            </Button>
          </View>
          <Rows rows={preview.rows} />
        </>
      ) : null}
    </View>
  );
}

function Applied({ result }: { result: ImportResult }) {
  return (
    <View className='census__card org-import-result'>
      <Text className='census__name'>{result.appliedBefore ? '这份预览已导入过，本次只写入仍有差异的行' : '导入完成'}</Text>
      <Text className='census__meta'>{`新增 ${result.created} 个组织，更新 ${result.updated} 个，无变化 ${result.unchanged} 个。`}</Text>
      {result.refused.length ? (
        <>
          <Text className='census__reason'>{`以下 ${result.refused.length} 行未导入，请修改表格后重新导入：`}</Text>
          <Rows rows={result.refused} />
        </>
      ) : null}
      <View className='census__actions'>
        <Button className='btn-secondary' size='mini' onClick={() => void Taro.navigateBack()}>
          返回名册
        </Button>
      </View>
    </View>
  );
}

function Rows({ rows }: { rows: ImportRowView[] }) {
  return (
    <View className='census__table org-import-rows'>
      {rows.map((r) => (
        <View key={r.line} className={`census__row census__row--${r.verdict} import-row`}>
          <Text className={`census__verdict census__verdict--${r.verdict}`}>{IMPORT_VERDICT_LABELS[r.verdict]}</Text>
          <Text>{`第 ${r.line} 行 · ${r.name || '（无名称）'}${r.uscc ? ` · ${r.uscc}` : ''}`}</Text>
          {r.reasons.map((reason, i) => (
            <Text key={i} className='census__reason'>{reason}</Text>
          ))}
          {r.changes.map((c) => (
            <Text key={c.field} className='census__change'>{`${ORG_FIELD_LABELS[c.field] ?? c.field}：${c.before ?? '（空）'} → ${c.after ?? '（空）'}`}</Text>
          ))}
        </View>
      ))}
    </View>
  );
}

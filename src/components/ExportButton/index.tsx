import Taro from '@tarojs/taro';
import { Button } from '@tarojs/components';
import type { ExportFile } from '@shared/exports';
import { saveExport } from '../../api/download';
import { useMutation } from '../../api/useMutation';
import { boolAttr } from '../../utils/boolAttr';

export interface ExportButtonProps {
  label?: string;
  /** Asks the server for the file (an `exports.*` action). */
  request: () => Promise<ExportFile>;
  className?: string;
  /** Asked first (a fuller read of personal data); nothing is exported unless confirmed. */
  confirm?: string;
}

/** 导出名单: builds the .xlsx on the server, then saves it (H5) or opens it to forward (WeChat). */
export function ExportButton({ label = '导出名单', request, className = '', confirm }: ExportButtonProps) {
  const exporting = useMutation();
  const run = async () => {
    if (confirm && !(await Taro.showModal({ title: label, content: confirm, confirmText: '导出', cancelText: '取消', confirmColor: '#c8161d' })).confirm) return;
    await exporting.run(async () => {
      const file = await request();
      await saveExport(file);
      void Taro.showToast({ title: `已导出 ${file.rows} 行`, icon: 'success' });
    });
  };
  return (
    <Button className={`export-button btn-secondary ${className}`} size='mini' disabled={boolAttr(exporting.busy)} onClick={() => void run()}>
      {exporting.busy ? '正在导出…' : label}
    </Button>
  );
}

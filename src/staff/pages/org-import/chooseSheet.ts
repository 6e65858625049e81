/** H5: the browser's file picker (an <input type=file> for .xlsx), the file read as base64 with a FileReader. */
import { IMPORT_MAX_BYTES } from '@shared/orgs';
import { base64Of } from '../../../utils/base64';
import type { SheetChoice } from './sheetChoice';

function pick(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    input.className = 'org-import-file';
    input.style.display = 'none';
    input.onchange = () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    };
    // Tests (and keyboard users) find the input in the page; it is removed once a file is chosen.
    document.body.appendChild(input);
    input.click();
  });
}

export async function chooseSheet(): Promise<SheetChoice> {
  const file = await pick();
  if (!file) return null;
  if (!/\.xlsx$/i.test(file.name)) return { ok: false, message: '请选择 .xlsx 格式的表格（可先导出名册作为模板）' };
  if (file.size > IMPORT_MAX_BYTES) return { ok: false, message: '文件不能超过 2 MB，请分批导入' };
  return { ok: true, name: file.name, base64: await base64Of(file) };
}

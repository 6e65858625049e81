/** WeChat: an .xlsx forwarded into a chat is picked with chooseMessageFile and read as base64 from its temp file. */
import Taro from '@tarojs/taro';
import { IMPORT_MAX_BYTES } from '@shared/orgs';
import type { SheetChoice } from './sheetChoice';

function readAsBase64(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (res) => resolve(typeof res.data === 'string' ? res.data : ''),
      fail: reject,
    });
  });
}

export async function chooseSheet(): Promise<SheetChoice> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
  } catch (e) {
    const message = typeof e === 'object' && e && 'errMsg' in e ? String((e as { errMsg: unknown }).errMsg) : '';
    if (/cancel/i.test(message)) return null;
    throw e;
  }
  const file = picked.tempFiles[0];
  if (!file) return null;
  if (!/\.xlsx$/i.test(file.name)) return { ok: false, message: '请选择 .xlsx 格式的表格（可先导出名册作为模板）' };
  if (file.size > IMPORT_MAX_BYTES) return { ok: false, message: '文件不能超过 2 MB，请分批导入' };
  return { ok: true, name: file.name, base64: await readAsBase64(file.path) };
}

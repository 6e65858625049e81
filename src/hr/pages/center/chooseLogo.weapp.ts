/** WeChat: Taro.chooseImage gives a temp file; its type comes from the extension and the file system reads it as base64. */
import Taro from '@tarojs/taro';
import { checkLogoFile, isCancel, mimeOfPath, type LogoChoice } from './logo';

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

export async function chooseLogo(): Promise<LogoChoice> {
  let picked: Taro.chooseImage.SuccessCallbackResult;
  try {
    // Compressed: a phone photo is megabytes, a logo must stay under the limit.
    picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  } catch (e) {
    if (isCancel(e)) return null;
    throw e;
  }
  const file = picked.tempFiles[0];
  if (!file) return null;
  const checked = checkLogoFile({ mime: mimeOfPath(file.path), size: file.size });
  if (!checked.ok) return checked;
  return { ok: true, logo: { mime: checked.mime, data: await readAsBase64(file.path) } };
}

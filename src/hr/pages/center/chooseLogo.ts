/** H5: the browser's file picker through Taro.chooseImage; the File is read as base64 with a FileReader. */
import Taro from '@tarojs/taro';
import { checkLogoFile, isCancel, mimeOfPath, type LogoChoice } from './logo';

function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export async function chooseLogo(): Promise<LogoChoice> {
  let picked: Taro.chooseImage.SuccessCallbackResult;
  try {
    picked = await Taro.chooseImage({ count: 1, sizeType: ['original'], sourceType: ['album'] });
  } catch (e) {
    if (isCancel(e)) return null;
    throw e;
  }
  const file = picked.tempFiles[0];
  const original = file?.originalFileObj;
  if (!file || !original) return null;
  const checked = checkLogoFile({ mime: original.type || file.type || mimeOfPath(original.name), size: original.size });
  if (!checked.ok) return checked;
  return { ok: true, logo: { mime: checked.mime, data: await readAsBase64(original) } };
}

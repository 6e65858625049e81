/**
 * WeChat: an export is a temporary cloud storage URL. It is downloaded and opened in WeChat's document viewer with its
 * menu, from where staff forward it to a chat or open it in another app.
 */
import Taro from '@tarojs/taro';
import type { ExportFile } from '@shared/exports';
import { ApiFailure } from './failure';

export async function saveExport(file: ExportFile): Promise<void> {
  const downloaded = await Taro.downloadFile({ url: file.url }).catch(() => null);
  if (!downloaded || downloaded.statusCode !== 200) throw new ApiFailure('NETWORK', '文件下载失败，请重新导出');
  await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType: 'xlsx', showMenu: true });
}

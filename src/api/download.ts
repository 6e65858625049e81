/** H5: an export is fetched from the gateway with the session (the link opens for its owner only) and saved by the browser. */
import type { ExportFile } from '@shared/exports';
import { ApiFailure, NETWORK_MESSAGE } from './failure';
import { getSessionToken } from './session';

export async function saveExport(file: ExportFile): Promise<void> {
  const token = getSessionToken();
  let response: Response;
  try {
    response = await fetch(file.url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiFailure('NETWORK', NETWORK_MESSAGE);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiFailure('NOT_FOUND', body?.error?.message ?? '文件已过期，请重新导出');
  }
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click has handed the blob to the browser's download; free it a moment later.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

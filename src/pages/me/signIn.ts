/** 我的: scanning a desktop's sign-in code (staff, mini-program), and ending this device's session on 退出. */
import Taro from '@tarojs/taro';
import { QR_TICKET_PREFIX } from '@shared/plain/sessions';
import { callApi } from '../../api/callApi';

/** Opens 确认登录 for a code the desktop console shows; any other code is said to be something else. */
export async function scanDesktopLogin(): Promise<void> {
  let scanned: string;
  try {
    scanned = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result;
  } catch {
    return; // The person closed the camera.
  }
  if (!scanned.startsWith(QR_TICKET_PREFIX)) {
    void Taro.showToast({ title: '这不是电脑版的登录二维码', icon: 'none' });
    return;
  }
  const ticketId = scanned.slice(QR_TICKET_PREFIX.length);
  await Taro.navigateTo({ url: `/staff/pages/qr-confirm/index?ticket=${encodeURIComponent(ticketId)}` });
}

/** 退出 ends the session on the server too, so the token left in this browser is worth nothing. */
export async function signOutHere(): Promise<void> {
  try {
    const current = (await callApi('sessions.mine', {})).find((s) => s.current);
    if (current) await callApi('sessions.revoke', { id: current.id });
  } catch {
    // Signing out locally still happens; an expired session needs no ending.
  }
}

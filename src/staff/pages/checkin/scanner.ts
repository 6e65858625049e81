/**
 * H5: the camera through @zxing/browser, loaded only when staff open the camera (it stays out of every other page's
 * download). The video shows inside the page element `hostId`; each code read goes to `onText`, the same code again
 * only after a pause, so a ticket held in front of the camera is scanned once.
 */
export const SCANS_CONTINUOUSLY = true;

const SAME_CODE_PAUSE_MS = 3000;

export async function startScanner(hostId: string, onText: (text: string) => void): Promise<() => void> {
  const host = document.getElementById(hostId);
  if (!host) throw new Error(`no element #${hostId} for the camera`);
  const { BrowserQRCodeReader } = await import(/* webpackChunkName: "zxing" */ '@zxing/browser');
  const video = document.createElement('video');
  video.setAttribute('playsinline', 'true');
  video.muted = true;
  video.style.width = '100%';
  video.style.borderRadius = '8px';
  host.appendChild(video);
  let last = { text: '', at: 0 };
  try {
    const controls = await new BrowserQRCodeReader().decodeFromVideoDevice(undefined, video, (result) => {
      if (!result) return;
      const text = result.getText();
      const now = Date.now();
      if (text === last.text && now - last.at < SAME_CODE_PAUSE_MS) return;
      last = { text, at: now };
      onText(text);
    });
    return () => {
      controls.stop();
      video.remove();
    };
  } catch (err) {
    video.remove();
    throw err;
  }
}

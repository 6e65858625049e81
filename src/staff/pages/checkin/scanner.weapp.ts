import Taro from '@tarojs/taro';

/** WeChat scans one code per call, in its own full-screen view; the page asks again for the next person. */
export const SCANS_CONTINUOUSLY = false;

export async function startScanner(_hostId: string, onText: (text: string) => void): Promise<() => void> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    onText(result);
  } catch (err) {
    // Closing the scanner is not a failure.
    if (!/cancel/.test(String((err as { errMsg?: string })?.errMsg ?? err))) throw err;
  }
  return () => undefined;
}

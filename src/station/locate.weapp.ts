import Taro from '@tarojs/taro';

/** Where the person is, in WeChat: GCJ-02, as the stations are kept. Null when refused: the list stays plain. */
export async function locate(): Promise<{ lat: number; lng: number } | null> {
  try {
    const p = await Taro.getLocation({ type: 'gcj02' });
    return { lat: p.latitude, lng: p.longitude };
  } catch {
    return null;
  }
}

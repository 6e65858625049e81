import Taro from '@tarojs/taro';
import type { Station } from '@shared/stations';

/** WeChat's own map, with the route button. */
export function openMap(s: Pick<Station, 'lat' | 'lng' | 'name' | 'address'>): void {
  void Taro.openLocation({ latitude: s.lat, longitude: s.lng, name: s.name, address: s.address, scale: 17 });
}

import Taro from '@tarojs/taro';
import type { Event } from '@shared/events';

/** The editor tells the workbench what it saved, so the workbench can open the tab the event now lives in. */
const EVENT_SAVED = 'staff:event-saved';

export function announceEventSaved(event: Event): void {
  Taro.eventCenter.trigger(EVENT_SAVED, event);
}

/** Subscribes; returns the unsubscribe. */
export function onEventSaved(handler: (event: Event) => void): () => void {
  Taro.eventCenter.on(EVENT_SAVED, handler);
  return () => Taro.eventCenter.off(EVENT_SAVED, handler);
}

/**
 * H5 has no subscription messages: nothing to ask. In WeChat, subscribe.weapp.ts asks for the templates of the moment.
 * Call `requestSubscribe(kind)` from the tap that signs up / submits / applies; it never throws.
 */
export type SubscribeMoment = 'signup' | 'intent' | 'report' | 'application' | 'guidance';

export async function requestSubscribe(_moment: SubscribeMoment): Promise<string[]> {
  return [];
}

/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

/** Build-time constants from config/index.ts `defineConstants`. */
declare const CLOUD_ENV: string;
/** (weapp) The self-hosted gateway's https origin; empty = call the `api` cloud function. */
declare const API_BASE: string;
/** Subscription-message template id per outbox message kind (event_reminder, intent_status, …); absent = not configured. */
declare const SUBSCRIBE_TEMPLATES: Partial<Record<string, string>>;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
  }
}


/** Set by the gateway in the H5 page when it runs in demo mode (`npm start`). */
interface Window {
  __SHESHAN_DEMO__?: boolean;
  /** Set by the gateway when a 公众号 is configured: H5 inside WeChat may sign in through 网页授权. */
  __SHESHAN_MP_LOGIN__?: boolean;
}

/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

/** Build-time constants from config/index.ts `defineConstants`. */
declare const CLOUD_ENV: string;
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
}

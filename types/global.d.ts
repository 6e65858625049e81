/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

/** Build-time constants from config/index.ts `defineConstants`. */
declare const CLOUD_ENV: string;
declare const DEMO_MODE: boolean;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
  }
}


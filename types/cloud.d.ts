export {};

// wx.cloud.DYNAMIC_CURRENT_ENV: a marker meaning "the env this mini-program runs in"; Taro's types omit it.
// WeChat accepts it where an env id string goes, so it is typed as one.
declare module '@tarojs/taro' {
  interface cloud {
    readonly DYNAMIC_CURRENT_ENV: string;
  }
}

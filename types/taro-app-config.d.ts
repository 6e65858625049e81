// `cloud: true` is a weapp app.json field Taro passes through but does not type.
import '@tarojs/taro';

declare module '@tarojs/taro' {
  interface AppConfig {
    cloud?: boolean;
  }
}

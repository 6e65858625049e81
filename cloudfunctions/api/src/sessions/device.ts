/**
 * A rough, human description of a device from its User-Agent — platform and browser, e.g. "Windows · Chrome" —
 * enough for a person to recognise their own devices and for a staff member to see which computer asks to sign in.
 * The full header is never stored.
 */

const PLATFORMS: [RegExp, string][] = [
  [/iPhone/i, 'iPhone'],
  [/iPad/i, 'iPad'],
  [/Android/i, 'Android'],
  [/HarmonyOS|OpenHarmony/i, '鸿蒙'],
  [/Windows/i, 'Windows'],
  [/Mac OS X|Macintosh/i, 'macOS'],
  [/CrOS/i, 'ChromeOS'],
  [/Linux/i, 'Linux'],
];

/** Order matters: Edge and WeChat say "Chrome" too, Chrome says "Safari". */
const BROWSERS: [RegExp, string][] = [
  [/miniProgram|miniprogram/, '微信小程序'],
  [/wxwork/i, '企业微信'],
  [/MicroMessenger/i, '微信'],
  [/HeadlessChrome/, 'Chrome'],
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/QQBrowser/i, 'QQ浏览器'],
  [/UCBrowser/i, 'UC浏览器'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

export const UNKNOWN_DEVICE = '未知设备';

export function describeDevice(userAgent: string | undefined): string {
  if (!userAgent) return UNKNOWN_DEVICE;
  const platform = PLATFORMS.find(([re]) => re.test(userAgent))?.[1];
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  if (platform && browser) return `${platform} · ${browser}`;
  return platform ?? browser ?? UNKNOWN_DEVICE;
}

/**
 * A boolean for Taro's H5 web components: `true`, or left out.
 * React 18 writes `false` on a custom element as the attribute "false", and Taro's button CSS matches
 * `[disabled]` / `[loading]` whatever the value, so `disabled={false}` looks disabled in H5.
 */
export function boolAttr(value: boolean): true | undefined {
  return value ? true : undefined;
}

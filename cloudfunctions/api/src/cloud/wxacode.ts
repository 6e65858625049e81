/** 小程序码 through the cloud's openapi (no access token to keep: the cloud function calls WeChat as itself). */
import type { Deps } from '../core/context';

/** The part of wx-server-sdk this file uses; `cloud.openapi.wxacode.getUnlimited` needs the permission in config.json. */
export interface WxacodeCloud {
  openapi: {
    wxacode: {
      getUnlimited(options: { scene: string; page: string; checkPath?: boolean; width?: number }): Promise<{
        buffer: Uint8Array;
        contentType?: string;
      }>;
    };
  };
}

export function miniProgramCodeMaker(cloud: WxacodeCloud): NonNullable<Deps['miniProgramCode']> {
  return async ({ scene, page }) => {
    // checkPath false: the code also works while the page is only in a trial version.
    const { buffer, contentType } = await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, width: 430 });
    return `data:${contentType ?? 'image/png'};base64,${Buffer.from(buffer).toString('base64')}`;
  };
}

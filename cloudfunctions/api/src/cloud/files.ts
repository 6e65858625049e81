/**
 * Exports in WeChat: the file goes to the environment's cloud storage under `exports/<date>/<random>.xlsx` and the
 * person gets a temporary download URL that lapses after the file's ttl (the mini-program downloads it and opens it
 * with `Taro.openDocument`, from where it can be forwarded). Cloud storage cannot ask who is downloading, so here the
 * link itself is the secret: an unguessable path and a URL that stops working after ten minutes.
 */
import crypto from 'node:crypto';
import type * as WxServerSdk from 'wx-server-sdk';
import type { FileStore } from '../core/ports/files';

export type CloudFiles = Pick<typeof WxServerSdk, 'uploadFile' | 'getTempFileURL'>;

export function cloudFileStore(cloud: CloudFiles, now: () => Date = () => new Date()): FileStore {
  return {
    async put(file) {
      // The Shanghai date, so an operator clearing old exports in the console finds them by day.
      const day = new Date(now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      const cloudPath = `exports/${day}/${crypto.randomBytes(16).toString('hex')}.xlsx`;
      const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: Buffer.from(file.bytes) });
      const answer = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: file.ttlSeconds }] });
      const url = answer?.fileList[0]?.tempFileURL;
      if (!url) throw new Error(`getTempFileURL gave no URL for ${fileID}: ${answer?.fileList[0]?.errMsg ?? 'no answer'}`);
      return { url };
    },
  };
}

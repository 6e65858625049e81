/**
 * Uploaded images in WeChat (enterprise logos): the bytes go to the environment's cloud storage under
 * `logos/<sha256>.<ext>`, and the record keeps the `cloud://` file id, which the mini-program's <Image> shows directly.
 * Storage's default rule (everyone reads, only the function writes) is what a public logo needs. Named by content: the
 * same picture uploaded again lands on the same path with the same bytes.
 */
import crypto from 'node:crypto';
import type * as WxServerSdk from 'wx-server-sdk';
import type { ImageStore } from '../core/ports/files';

export type CloudUpload = Pick<typeof WxServerSdk, 'uploadFile'>;

const EXTENSION = { 'image/png': 'png', 'image/jpeg': 'jpg' } as const;

export function cloudImageStore(cloud: CloudUpload): ImageStore {
  return {
    async put(image) {
      const name = crypto.createHash('sha256').update(image.bytes).digest('hex');
      const cloudPath = `logos/${name}.${EXTENSION[image.mime]}`;
      const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: Buffer.from(image.bytes) });
      if (!fileID) throw new Error(`uploadFile gave no file id for ${cloudPath}`);
      return { url: fileID };
    },
  };
}

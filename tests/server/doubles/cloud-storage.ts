/**
 * TEST DOUBLE of WeChat cloud storage as wx-server-sdk exposes it — `cloud.uploadFile` and `cloud.getTempFileURL` —
 * not WeChat. It keeps uploaded bytes by cloud path, answers file ids in the `cloud://<env>.<bucket>/<path>` form and
 * temporary URLs that carry their max age, and refuses what the SDK refuses (fileContent that is not a Buffer).
 * What it does not model: the upload's signed PUT to COS, quotas, a URL actually lapsing (a test reads `maxAge`).
 */
import type { CloudFiles } from '../../../cloudfunctions/api/src/cloud/files';

export interface CloudStorageDouble extends CloudFiles {
  /** cloud path → bytes uploaded there. */
  readonly stored: Map<string, Buffer>;
  /** Every temp URL handed out, with the max age asked for. */
  readonly urls: { fileID: string; maxAge: number; tempFileURL: string }[];
}

const ENV = 'test-env';

export function cloudStorageDouble(): CloudStorageDouble {
  const stored = new Map<string, Buffer>();
  const urls: CloudStorageDouble['urls'] = [];
  const uploadFile = async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: unknown }) => {
    if (!(fileContent instanceof Buffer)) throw { errCode: -1, errMsg: 'fileContent should be instance of fs.ReadStream or Buffer' };
    stored.set(cloudPath, fileContent);
    return { fileID: `cloud://${ENV}.7465-${ENV}/${cloudPath}`, statusCode: 200, errMsg: 'uploadFile:ok' };
  };
  const getTempFileURL = async ({ fileList }: { fileList: (string | { fileID: string; maxAge?: number })[] }) => ({
    errMsg: 'getTempFileURL:ok',
    fileList: fileList.map((f) => {
      const fileID = typeof f === 'string' ? f : f.fileID;
      const maxAge = typeof f === 'string' ? 86400 : (f.maxAge ?? 86400);
      const path = fileID.replace(/^cloud:\/\/[^/]+\//, '');
      if (!stored.has(path)) return { fileID, tempFileURL: '', maxAge, status: -503003, errMsg: 'file not exist' };
      const tempFileURL = `https://7465-${ENV}.tcb.qcloud.la/${path}?sign=double&t=${maxAge}`;
      urls.push({ fileID, maxAge, tempFileURL });
      return { fileID, tempFileURL, maxAge, status: 0, errMsg: 'ok' };
    }),
  });
  return { stored, urls, uploadFile, getTempFileURL } as unknown as CloudStorageDouble;
}

/** Where generated files (exports) go to be downloaded: the gateway keeps them itself, the cloud function in cloud storage. */

export interface FileToStore {
  /** The name the person sees and saves under. */
  name: string;
  bytes: Uint8Array;
  /** Only this person may fetch it (where the store can tell who is asking: the gateway). */
  owner: string;
  mime: string;
  /** The link stops working after this long. */
  ttlSeconds: number;
}

export interface FileStore {
  put(file: FileToStore): Promise<{ url: string }>;
}

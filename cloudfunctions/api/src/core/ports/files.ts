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

/**
 * Images people upload for everyone to see (enterprise logos): kept for good, apart from the record that shows them,
 * which keeps only the address. The gateway keeps them in its database and serves them itself; in WeChat they go to the
 * environment's cloud storage, whose `cloud://` file ids the mini-program's <Image> shows directly.
 */
export interface ImageToStore {
  bytes: Uint8Array;
  mime: 'image/png' | 'image/jpeg';
  /** Who uploaded it (an openid), for operators. */
  owner: string;
  at: string;
}

export interface ImageStore {
  /** Keeps the image and answers the address clients show it from; the same bytes twice are one stored image. */
  put(image: ImageToStore): Promise<{ url: string }>;
}

/** A file the gateway keeps in its database (the SQL `files` table), named by the SHA-256 of its bytes. */
export interface StoredFile {
  id: string;
  mime: string;
  bytes: Uint8Array;
  owner: string;
  createdAt: string;
}

export interface FilesRepo {
  /** Stores the file unless one with its id (so: its bytes) is there already. */
  put(file: StoredFile): Promise<void>;
  get(id: string): Promise<StoredFile | null>;
}

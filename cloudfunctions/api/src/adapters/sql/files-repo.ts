/** The gateway's own file store on SQL: image bytes in the `files` table, by the SHA-256 of their bytes. */
import type { FilesRepo, StoredFile } from '../../core/ports/files';
import { iso, type SqlDb } from './db';

export function sqlFilesRepo(db: SqlDb): FilesRepo {
  return {
    async put(f) {
      await db.query(
        'INSERT INTO files (id, mime, bytes, owner, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING',
        [f.id, f.mime, Buffer.from(f.bytes), f.owner, f.createdAt],
      );
    },
    async get(id) {
      const rows = await db.query<Record<string, unknown>>('SELECT id, mime, bytes, owner, created_at FROM files WHERE id = $1', [id]);
      const r = rows[0];
      if (!r) return null;
      const file: StoredFile = {
        id: String(r.id),
        mime: String(r.mime),
        // pg answers a Buffer, PGlite a Uint8Array: both are bytes.
        bytes: new Uint8Array(r.bytes as Uint8Array),
        owner: String(r.owner),
        createdAt: iso(r.created_at),
      };
      return file;
    },
  };
}

/**
 * Uploaded images on the gateway (enterprise logos): kept in the database (FilesRepo, the SQL `files` table) and served
 * by `GET /files/<id>` to anyone, since they show on public pages. The id is the SHA-256 of the bytes, so an address
 * always means the same bytes: browsers may keep the answer for good. Export links share the `/files/` prefix but not
 * the id's form (http/files.ts), so the two routes never meet.
 */
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { FilesRepo, ImageStore } from '../core/ports/files';
import { FILES_PATH } from './files';

const IMAGE_ID = '[0-9a-f]{64}';

export function gatewayImageStore(files: FilesRepo): ImageStore {
  return {
    async put(image) {
      const id = crypto.createHash('sha256').update(image.bytes).digest('hex');
      await files.put({ id, mime: image.mime, bytes: image.bytes, owner: image.owner, createdAt: image.at });
      return { url: `${FILES_PATH}${id}` };
    },
  };
}

export function registerImageRoutes(app: FastifyInstance, files: FilesRepo): void {
  app.get<{ Params: { id: string } }>(`${FILES_PATH}:id(^${IMAGE_ID}$)`, async (req, reply) => {
    const file = await files.get(req.params.id);
    if (!file) {
      return reply
        .status(404)
        .header('cache-control', 'no-store')
        .send({ ok: false, error: { code: 'NOT_FOUND', message: '图片不存在' } });
    }
    return reply
      .header('content-type', file.mime)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(Buffer.from(file.bytes));
  });
}

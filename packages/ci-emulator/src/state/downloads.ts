import { randomBytes } from 'node:crypto';
import type { World } from './world';

/**
 * Short-lived download links, like the signed blob-storage URLs GitHub redirects log and
 * artifact downloads to. The token in the path is the only credential.
 */
export function createDownload(world: World, data: Buffer, contentType: string, ttlSeconds: number): string {
  const now = world.now().getTime();
  for (const [token, link] of world.downloads) if (link.expiresAt <= now) world.downloads.delete(token);
  const token = randomBytes(16).toString('hex');
  world.downloads.set(token, { data, contentType, expiresAt: now + ttlSeconds * 1000 });
  return token;
}

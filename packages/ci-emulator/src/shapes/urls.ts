/** Where generated links point: `api` is the emulator itself, `html` the web UI host. */
export interface Urls {
  api: string;
  html: string;
}

/** Base64 node ids in the style GitHub uses (`<prefix>_<base64>`); opaque but stable. */
export function nodeId(prefix: string, id: number | string): string {
  return `${prefix}_${Buffer.from(`emulator:${prefix}:${id}`).toString('base64url')}`;
}

/**
 * Why a zip entry name is refused, or null when it is safe. Names are only ever used as labels
 * here, never as paths to write to, but the same archive may later be extracted by someone else,
 * and a name built to escape a directory (zip-slip) is a sign of a hostile archive.
 */
export function refuseEntryName(name: string): string | null {
  if (name.length === 0) return 'empty name';
  if (name.includes('\0')) return 'contains a NUL byte';
  if (name.includes('\\')) return 'contains a backslash';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[a-zA-Z]:/.test(name)) return 'starts with a drive letter';
  if (name.split('/').includes('..')) return "has a '..' segment";
  return null;
}

/** The name with control characters escaped, safe to show in a message or a display path. */
export function printableEntryName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

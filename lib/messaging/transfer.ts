/**
 * Large backups cross between the options page and the background in parts (issue 12 row 8,
 * issue 18): a runtime message is limited to 64 MiB in Chromium (the error then reads like a lost
 * connection), and a 100,000-note backup is most of that. Each part stays far below the limit even
 * if every character were escaped.
 */
export const PART_CHARS = 8 * 1024 * 1024;
/** Most parts one transfer may have (PART_CHARS × this is far above MAX_BACKUP_BYTES). */
export const MAX_PARTS = 64;

/** `text` cut into parts of at most `size` characters (at least one part). */
export function splitParts(text: string, size = PART_CHARS): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts.length ? parts : [''];
}

/**
 * The text of a file as people's spreadsheets save it: UTF-8 (with or
 * without a BOM), else Windows-1252, the encoding of old Excel "CSV"
 * exports in France, where "é" is one byte that is never valid UTF-8.
 */
export function decodeText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * The CRC-32 each member of a zip declares in the central directory. fflate inflates without
 * checking them, so a workbook damaged in transit (a flipped byte in a stored part, or one that
 * still inflates) would be read as if whole; xlsx-guard.ts holds every unpacked part against
 * its CRC. The directory is the one fflate has already walked to list the archive.
 */

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;

/**
 * The declared CRC-32 of every member, by lower-cased name (names decoded as fflate decodes
 * them: UTF-8 when the entry's flag says so, Latin-1 otherwise); undefined when the directory
 * cannot be followed, in which case the caller has nothing to hold the parts against.
 */
export function centralDirectoryCrcs(bytes: Uint8Array): Map<string, number> | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  try {
    let end = -1;
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - EOCD_SEARCH); at--) {
      if (u32(at) === EOCD) {
        end = at;
        break;
      }
    }
    if (end === -1) return undefined;
    let count = u16(end + 10);
    let offset = u32(end + 16);
    if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && u32(end - 20) === ZIP64_LOCATOR) {
      const zip64End = Number(view.getBigUint64(end - 20 + 8, true));
      if (u32(zip64End) !== ZIP64_EOCD) return undefined;
      count = Number(view.getBigUint64(zip64End + 32, true));
      offset = Number(view.getBigUint64(zip64End + 48, true));
    }
    const crcs = new Map<string, number>();
    for (let i = 0, at = offset; i < count; i++) {
      if (u32(at) !== CENTRAL_HEADER) return undefined;
      const isUtf8 = (u16(at + 8) & 0x800) !== 0;
      const nameLength = u16(at + 28);
      const name = new TextDecoder(isUtf8 ? 'utf-8' : 'latin1').decode(bytes.subarray(at + 46, at + 46 + nameLength));
      crcs.set(name.replace(/^\/+/u, '').toLowerCase(), u32(at + 16));
      at += 46 + nameLength + u16(at + 30) + u16(at + 32);
    }
    return crcs;
  } catch {
    // A read past the end (RangeError): a directory fflate accepted but this cannot follow.
    return undefined;
  }
}

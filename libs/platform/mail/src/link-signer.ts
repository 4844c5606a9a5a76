import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** The MAC's length unless a kind of link asks for another (a shorter token where the room is counted: a VERP address). */
const MAC_BYTES = 16;

/**
 * Signs the bytes carried in a link that works without login (unsubscribe,
 * click tracking): the link names what it acts on, and the MAC proves the
 * platform wrote it. Each kind of link has its own key (HKDF of LINK_SECRET),
 * so a click token can never be replayed as an unsubscribe token. The token is
 * base64url(payload || MAC), the MAC 128 bits unless the caller asks for a
 * shorter one: short enough for a List-Unsubscribe header.
 */
export class LinkSigner {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly secret: string) {}

  sign(kind: string, payload: Buffer, macBytes = MAC_BYTES): string {
    return Buffer.concat([payload, this.mac(kind, payload, macBytes)]).toString('base64url');
  }

  /** The payload, or null when the token was not written by us for this kind and MAC length (or was altered). */
  verify(kind: string, token: string, macBytes = MAC_BYTES): Buffer | null {
    if (!/^[A-Za-z0-9_-]{1,400}$/.test(token)) return null;
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length <= macBytes) return null;
    const payload = bytes.subarray(0, bytes.length - macBytes);
    const mac = bytes.subarray(bytes.length - macBytes);
    return timingSafeEqual(mac, this.mac(kind, payload, macBytes)) ? payload : null;
  }

  private mac(kind: string, payload: Buffer, macBytes: number): Buffer {
    if (!Number.isInteger(macBytes) || macBytes < 8 || macBytes > 32) throw new Error(`MAC length out of range: ${macBytes}`);
    let key = this.keys.get(kind);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.secret, 'cpts-link-signer', kind, 32));
      this.keys.set(kind, key);
    }
    return createHmac('sha256', key).update(payload).digest().subarray(0, macBytes);
  }
}

/** A uuid as its 16 bytes: how signed links carry ids (half the characters of its text). */
export function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  return Buffer.from(hex, 'hex');
}

/** The uuid of 16 bytes read back from a signed link. */
export function bytesUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

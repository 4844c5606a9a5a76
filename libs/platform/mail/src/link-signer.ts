import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const MAC_BYTES = 16;

/**
 * Signs the bytes carried in a link that works without login (unsubscribe,
 * click tracking): the link names what it acts on, and the MAC proves the
 * platform wrote it. Each kind of link has its own key (HKDF of LINK_SECRET),
 * so a click token can never be replayed as an unsubscribe token. The token is
 * base64url(payload || MAC-128): short enough for a List-Unsubscribe header.
 */
export class LinkSigner {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly secret: string) {}

  sign(kind: string, payload: Buffer): string {
    return Buffer.concat([payload, this.mac(kind, payload)]).toString('base64url');
  }

  /** The payload, or null when the token was not written by us for this kind (or was altered). */
  verify(kind: string, token: string): Buffer | null {
    if (!/^[A-Za-z0-9_-]{1,400}$/.test(token)) return null;
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length <= MAC_BYTES) return null;
    const payload = bytes.subarray(0, bytes.length - MAC_BYTES);
    const mac = bytes.subarray(bytes.length - MAC_BYTES);
    return timingSafeEqual(mac, this.mac(kind, payload)) ? payload : null;
  }

  private mac(kind: string, payload: Buffer): Buffer {
    let key = this.keys.get(kind);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.secret, 'cpts-link-signer', kind, 32));
      this.keys.set(kind, key);
    }
    return createHmac('sha256', key).update(payload).digest().subarray(0, MAC_BYTES);
  }
}

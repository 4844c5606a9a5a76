import type { MailEnv } from '@cpts/platform-config';
import { cptsPagePath } from '@cpts/platform-core';
import { bytesUuid, LinkSigner, uuidBytes } from '@cpts/platform-mail';

const PROPOSER = 'call-proposer-v1';
/** A link lasts this long; every email to the proposer carries a fresh one, and an expired one can ask for a new one. */
export const PROPOSER_LINK_DAYS = 45;
const HOUR_MS = 3_600_000;

/** What a proposer's link names: one project of one CPTS, until a time. */
export interface ProposerTarget {
  tenantId: string;
  projectId: string;
  expiresAt: Date;
  expired: boolean;
}

/**
 * The proposer's magic link: nothing else identifies them (no account). The
 * token carries the CPTS, the project and its expiry hour, under a MAC of its
 * own kind: it cannot be forged, moved to another project or CPTS, nor
 * turned into another kind of link, and it stops working after
 * PROPOSER_LINK_DAYS. An expired link still proves which project it was
 * for: its page offers to email a fresh one to the project's address.
 */
export class ProposerLinks {
  private readonly appUrl: string;

  static fromEnv(mail: MailEnv): ProposerLinks {
    return new ProposerLinks(new LinkSigner(mail.LINK_SECRET), mail.APP_URL);
  }

  constructor(
    private readonly signer: LinkSigner,
    appUrl: string,
  ) {
    this.appUrl = appUrl.replace(/\/+$/, '');
  }

  token(tenantId: string, projectId: string, now = Date.now()): string {
    const expires = Buffer.alloc(4);
    expires.writeUInt32BE(Math.ceil(now / HOUR_MS) + PROPOSER_LINK_DAYS * 24);
    return this.signer.sign(PROPOSER, Buffer.concat([uuidBytes(tenantId), uuidBytes(projectId), expires]));
  }

  read(token: string, now = Date.now()): ProposerTarget | null {
    const payload = this.signer.verify(PROPOSER, token);
    if (!payload || payload.length !== 36) return null;
    const expiresAt = new Date(payload.readUInt32BE(32) * HOUR_MS);
    return {
      tenantId: bytesUuid(payload.subarray(0, 16)),
      projectId: bytesUuid(payload.subarray(16, 32)),
      expiresAt,
      expired: expiresAt.getTime() <= now,
    };
  }

  /** The proposer's page of the project, under the CPTS's address. */
  projectUrl(cptsSlug: string, token: string): string {
    return `${this.appUrl}${cptsPagePath(cptsSlug, 'projets', token)}`;
  }

  /** The call's public page. */
  callUrl(cptsSlug: string, callSlug: string): string {
    return `${this.appUrl}${cptsPagePath(cptsSlug, 'appels', callSlug)}`;
  }

  /** A project's page in the app, for the team and the board. */
  appUrlOf(projectId: string): string {
    return `${this.appUrl}/appels/projets/${projectId}`;
  }
}

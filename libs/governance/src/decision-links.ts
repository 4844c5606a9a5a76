import type { MailEnv } from '@cpts/platform-config';
import { cptsPagePath } from '@cpts/platform-core';
import { bytesUuid, LinkSigner, uuidBytes } from '@cpts/platform-mail';

/** What a vote link names: one voter of one decision, in one CPTS. */
export interface VoterTarget {
  tenantId: string;
  voterId: string;
}

const VOTE = 'decision-vote-v1';

/**
 * The login-free address of a voter (docs/adr/0013-vote-links.md): the
 * token carries the CPTS and the voter (32 bytes) and a MAC of its own kind,
 * so it names one person of one decision and cannot be forged nor turned
 * into another kind of link. Nothing is stored per link: a closed decision,
 * an ended mandate, and the link says so. The choice in the address
 * (?choix=pour) only preselects the answer on the page; the vote is the
 * page's POST, never the GET a mail scanner makes.
 */
export class DecisionLinks {
  private readonly appUrl: string;

  static fromEnv(mail: MailEnv): DecisionLinks {
    return new DecisionLinks(new LinkSigner(mail.LINK_SECRET), mail.APP_URL);
  }

  constructor(
    private readonly signer: LinkSigner,
    appUrl: string,
  ) {
    this.appUrl = appUrl.replace(/\/+$/, '');
  }

  token(target: VoterTarget): string {
    return this.signer.sign(VOTE, Buffer.concat([uuidBytes(target.tenantId), uuidBytes(target.voterId)]));
  }

  read(token: string): VoterTarget | null {
    const payload = this.signer.verify(VOTE, token);
    if (!payload || payload.length !== 32) return null;
    return { tenantId: bytesUuid(payload.subarray(0, 16)), voterId: bytesUuid(payload.subarray(16, 32)) };
  }

  /** The vote page, under the CPTS's address; `choice` preselects an answer (pour, contre, abstention). */
  voteUrl(cptsSlug: string, token: string, choice?: 'pour' | 'contre' | 'abstention'): string {
    return `${this.appUrl}${cptsPagePath(cptsSlug, 'decisions', token)}${choice ? `?choix=${choice}` : ''}`;
  }

  /** A decision's page in the app, for the team and those signed in. */
  appUrlOf(decisionId: string): string {
    return `${this.appUrl}/gouvernance/decisions/${decisionId}`;
  }
}

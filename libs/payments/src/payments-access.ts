import { Injectable } from '@nestjs/common';
import { AppError, CPTS_TEAM, hasAnyRole, hasRole, requirePrincipal, Role } from '@cpts/platform-core';
import { Treasurer } from '@cpts/governance';

const TREASURER_ONLY = "Les paiements aux professionnels sont réservés à l'équipe de la CPTS et au trésorier ou à la trésorière du bureau.";

/**
 * Who sees the payments: the team (coordinator, staff) manages them; the
 * bureau's current treasurer, signed in as a board member, reads them and
 * marks them paid; other board members and members see nothing (their
 * GraphQL rights stop members before this; a board member who is not the
 * treasurer is refused here).
 */
@Injectable()
export class PaymentsAccess {
  constructor(private readonly treasurer: Treasurer) {}

  isTeam(): boolean {
    return hasAnyRole(requirePrincipal(), CPTS_TEAM);
  }

  requireTeam(): void {
    if (!this.isTeam()) throw AppError.forbidden("Seule l'équipe de la CPTS (coordination, salariés) gère les paiements.");
  }

  /** The team, or the treasurer: those who read the payments and mark them paid. */
  async requireReader(): Promise<void> {
    if (this.isTeam()) return;
    if (hasRole(requirePrincipal(), Role.BOARD_MEMBER) && (await this.treasurer.isCaller())) return;
    throw AppError.forbidden(TREASURER_ONLY);
  }
}

import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { ACI_MISSION_LABELS, ReferenceService } from '@cpts/platform-reference';
import { Call, CallState } from '../calls.types';
import { frDay } from '../project-emails';

/** What a proposer reads of a call: its rules, its timeline, what it funds and how (never its envelope nor its grid). */
export interface PublicCall {
  slug: string;
  year: number;
  title: string;
  rules: string;
  opensOn: string;
  closesOn: string;
  /** upcoming | open | closed (a draft is not public). */
  state: string;
  /** The timeline in one French sentence ("Ouvert jusqu'au 31 mars 2026 inclus…"). */
  timeline: string;
  /** Eligible missions: the stored value (prevention) and its French name. */
  missions: Array<{ code: string; label: string }>;
  membersOnly: boolean;
  /** Paid to each speaker once (set-up and debrief), in cents. */
  flatFeeCents: number;
  /** Each speaker's fee per hour of workshop, in cents. */
  hourlyRateCents: number;
  requiredCriteria: string[];
}

/** What the identity form offers: every profession, and the communes of the CPTS's territory (most populated first). */
export interface IdentityChoices {
  professions: Array<{ code: string; label: string }>;
  communes: Array<{ code: string; name: string }>;
}

export function publicCall(call: Call): PublicCall {
  return {
    slug: call.slug,
    year: call.year,
    title: call.title,
    rules: call.rules,
    opensOn: call.opensOn,
    closesOn: call.closesOn,
    state: call.state,
    timeline: timeline(call),
    missions: call.missions.map((code) => ({ code, label: ACI_MISSION_LABELS[code] })),
    membersOnly: call.membersOnly,
    flatFeeCents: call.flatFeeCents,
    hourlyRateCents: call.hourlyRateCents,
    requiredCriteria: call.requiredCriteria,
  };
}

function timeline(call: Pick<Call, 'state' | 'opensOn' | 'closesOn'>): string {
  if (call.state === CallState.UPCOMING) return `Ouvre le ${frDay(call.opensOn)} ; dépôts jusqu'au ${frDay(call.closesOn)} inclus.`;
  if (call.state === CallState.OPEN) return `Ouvert jusqu'au ${frDay(call.closesOn)} inclus (minuit, heure de Paris).`;
  return `Clos depuis le ${frDay(call.closesOn)} à minuit : plus aucun projet ne peut être déposé.`;
}

/** The choices of the identity form for the CPTS of the current transaction. */
@Injectable()
export class IdentityChoicesReader {
  constructor(
    private readonly db: Db,
    private readonly reference: ReferenceService,
  ) {}

  async read(): Promise<IdentityChoices> {
    const [tenant] = await this.db.rows<{ communeCodes: string[] }>(`SELECT commune_codes AS "communeCodes" FROM tenants WHERE id = $1`, [
      requireTenantId(),
    ]);
    const catalog = await this.reference.catalog();
    const communes = (tenant?.communeCodes ?? [])
      .map((code) => catalog.commune(code))
      .filter((c) => c !== null)
      .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name, 'fr'));
    return {
      professions: catalog.professions.map((p) => ({ code: p.code, label: p.label })),
      communes: communes.map((c) => ({ code: c.inseeCode, name: c.name })),
    };
  }
}

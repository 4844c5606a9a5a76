import { Injectable } from '@nestjs/common';
import { AppError, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonDirectory } from '@cpts/platform-persons';
import { OwnerInvitee } from './meeting-owners';

/** A person invited to a meeting or a poll, with the name and address their emails use. */
export interface InvitedPerson {
  professionalId: string | null;
  userId: string | null;
  name: string;
  email: string | null;
}

/** Who an invitation reaches: people of the directory (followed through merges; erased and archived ones left out) and users of the CPTS's team. */
@Injectable()
export class MeetingPeople {
  constructor(
    private readonly db: Db,
    private readonly persons: PersonDirectory,
  ) {}

  /** The invitees, once each. An unknown id of the directory is refused (a field error on professionalIds). */
  async of(invitees: OwnerInvitee[]): Promise<InvitedPerson[]> {
    const professionalIds = invitees.flatMap((i) => ('professionalId' in i ? [i.professionalId] : []));
    const userIds = [...new Set(invitees.flatMap((i) => ('userId' in i ? [i.userId] : [])))];
    const found = await this.persons.resolve(professionalIds);
    const missing = professionalIds.filter((id) => !found.has(id));
    if (missing.length > 0) throw AppError.field('professionalIds', `Professionnel introuvable (${missing.length}).`);
    const people = new Map<string, InvitedPerson>();
    for (const p of found.values()) {
      if (p.erased || p.archived) continue;
      people.set(p.id, { professionalId: p.id, userId: null, name: `${p.lastName} ${p.firstName}`, email: p.email });
    }
    if (userIds.length > 0) {
      const users = await this.db.tenantRows<{ id: string; name: string; email: string }>(
        `SELECT u.id, u.display_name AS name, u.email FROM users u WHERE u.id = ANY($2::uuid[]) AND u.disabled_at IS NULL
           AND EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = u.id AND r.tenant_id = $1)`,
        [requireTenantId(), userIds],
      );
      for (const u of users) people.set(u.id, { professionalId: null, userId: u.id, name: u.name, email: u.email });
    }
    return [...people.values()];
  }
}

import { Injectable } from '@nestjs/common';
import { PersonMemberships } from '@cpts/platform-persons';

/** Whether a proposer may answer a call for members only: an active membership of the current Paris year. */
@Injectable()
export class ProjectMemberships {
  constructor(private readonly memberships: PersonMemberships) {}

  async isMember(professionalId: string): Promise<boolean> {
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));
    return (await this.memberships.activeIn(year, [professionalId])).has(professionalId);
  }
}

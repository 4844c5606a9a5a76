import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { MeetingOwner, MeetingOwners, OwnerInvitee } from '@cpts/meetings';
import { ProjectStatus } from '../calls.types';
import { ProjectRow, ProjectsService, STATUS_LABELS_FR } from '../projects.service';

export const PROJECT_OWNER = 'call_project';

/** The statuses in which a project's workshops are planned, recorded and removed. */
export const CARRIED_OUT = [ProjectStatus.APPROVED, ProjectStatus.IN_PROGRESS];

/** "P03 Jeu de prévention": how a project is named on its meetings and payment lines. */
export const projectName = (row: Pick<ProjectRow, 'seq' | 'title'>) => `P${String(row.seq).padStart(2, '0')} ${row.title}`;

/** The frame read at the start of a workshop and in its invitation: whom it is for, what it is. */
function frameOf(row: Pick<ProjectRow, 'targetPublic' | 'summary'>): string {
  const summary = row.summary.trim().replace(/\s+/g, ' ');
  return [
    row.targetPublic.trim() ? `Public : ${row.targetPublic.trim()}` : '',
    summary ? `Projet : ${summary.length > 400 ? `${summary.slice(0, 399)}…` : summary}` : '',
  ]
    .filter(Boolean)
    .join(' — ');
}

/**
 * A project as the owner of meetings, its workshops: seen by whoever reads
 * the project (the team; the board once it was put to the bureau), managed
 * by the team while the project is approved or in progress; "the project"
 * is its proposer and co-carriers; its missions are the project's, so the
 * participation figures count its workshops per mission.
 */
@Injectable()
export class ProjectMeetings implements MeetingOwner {
  readonly kind = PROJECT_OWNER;

  constructor(
    owners: MeetingOwners,
    private readonly db: Db,
    private readonly projects: ProjectsService,
  ) {
    owners.register(this);
  }

  async describe(projectId: string): Promise<{ name: string; frame: string } | null> {
    try {
      const row = await this.projects.readable(projectId);
      return { name: projectName(row), frame: frameOf(row) };
    } catch (err) {
      if (err instanceof AppError && (err.code === ErrorCode.NOT_FOUND || err.code === ErrorCode.FORBIDDEN)) return null;
      throw err;
    }
  }

  async requireManager(projectId: string): Promise<void> {
    const row = await this.projects.forTeam(projectId);
    if (!CARRIED_OUT.includes(row.status))
      throw AppError.conflict(
        `Ce projet est « ${STATUS_LABELS_FR[row.status]} » : ses ateliers se planifient et s'enregistrent une fois approuvé, jusqu'au bilan.`,
      );
  }

  async invitees(projectId: string): Promise<OwnerInvitee[]> {
    const row = await this.projects.row(projectId);
    return [row.proposerId, ...row.coCarriers].map((professionalId) => ({ professionalId }));
  }

  async missions(projectIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.db.tenantRows<{ id: string; missions: string[] }>(
      `SELECT id, missions FROM call_projects WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [requireTenantId(), [...projectIds]],
    );
    return new Map(rows.map((r) => [r.id, r.missions]));
  }
}

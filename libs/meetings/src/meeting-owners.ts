import { Injectable } from '@nestjs/common';
import { AppError } from '@cpts/platform-core';

/** Who an owner invites when it invites "the group": its current members. */
export type OwnerInvitee = { professionalId: string } | { userId: string };

/**
 * What the meetings module needs of a kind of owner (a working group, a
 * governance instance). The owner's library implements it and
 * registers it with MeetingOwners; every method runs in the caller's tenant
 * transaction, with the caller's rights.
 */
export interface MeetingOwner {
  /** The kind stored on meetings, e.g. "working_group". */
  readonly kind: string;
  /** The owner's name and frame, if the caller may see its meetings; null otherwise (the owner does not exist for them). */
  describe(ownerId: string): Promise<{ name: string; frame: string } | null>;
  /** Throws (NOT_FOUND or FORBIDDEN) unless the caller may schedule and change the owner's meetings. */
  requireManager(ownerId: string): Promise<void>;
  /** The people the owner invites by default. */
  invitees(ownerId: string): Promise<OwnerInvitee[]>;
  /**
   * Throws (BAD_USER_INPUT, in French) when the owner's rules refuse a
   * meeting convened now for `startsAt`: the AG's notice period. Checked when
   * a meeting is created and when it moves; owners without rules omit it.
   */
  checkSchedule?(ownerId: string, startsAt: Date): Promise<void>;
  /** The ACI missions of these owners (for the participation figures per mission); an owner without missions is absent. */
  missions(ownerIds: readonly string[]): Promise<Map<string, string[]>>;
}

/** The kinds of owners, registered by their libraries when the gateway starts. */
@Injectable()
export class MeetingOwners {
  private readonly owners = new Map<string, MeetingOwner>();

  register(owner: MeetingOwner): void {
    if (this.owners.has(owner.kind)) throw new Error(`Meeting owner kind registered twice: ${owner.kind}`);
    this.owners.set(owner.kind, owner);
  }

  all(): MeetingOwner[] {
    return [...this.owners.values()];
  }

  get(kind: string): MeetingOwner {
    const owner = this.owners.get(kind);
    if (!owner) throw AppError.field('ownerKind', 'Type de réunion inconnu.');
    return owner;
  }
}

import { createHash } from 'node:crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The RPPS number of a person erased on request, kept as a hash so the next
 * import of the national extraction (where the number is public) does not
 * bring them back (tenant table). It is the minimum needed to honour the
 * erasure, as an opposition list is: pseudonymous, not anonymous (RPPS
 * numbers are public, so the hash can be matched by anyone holding the
 * extraction), and it says no more than "this number must not be imported".
 */
@Entity({ name: 'erased_identifiers' })
export class ErasedIdentifierRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('bytea', { name: 'rpps_hash' }) rppsHash: Buffer;
  @Column('timestamptz', { name: 'erased_at', default: () => 'now()' }) erasedAt: Date;
}

/** SHA-256 of the CPTS and the RPPS number: the same number hashes differently in each CPTS. */
export function erasedRppsHash(tenantId: string, rpps: string): Buffer {
  return createHash('sha256').update(`${tenantId}:${rpps}`).digest();
}

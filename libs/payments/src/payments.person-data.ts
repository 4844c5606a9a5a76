import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonDataPart } from '@cpts/platform-persons';

/**
 * What the payments hold on a person: the lines owed or paid to them.
 * They are the association's accounting records (kept ten years, Code de
 * commerce L123-22) and hold no identity of their own (the name is the
 * directory's, the label names the work): an erasure leaves them whole.
 */
@Injectable()
export class PaymentsPersonData implements PersonDataPart {
  readonly key = 'payments';

  constructor(private readonly db: Db) {}

  exportPerson(professionalId: string): Promise<unknown> {
    return this.db.tenantRows(
      `SELECT kind, to_char(work_date, 'YYYY-MM-DD') AS "workDate", minutes, amount_cents::float8 AS "amountCents", label, status,
              to_char(paid_on, 'YYYY-MM-DD') AS "paidOn", paid_reference AS "paidReference", cancel_reason AS "cancelReason", created_at AS "createdAt"
       FROM payment_lines WHERE tenant_id = $1 AND professional_id = $2 ORDER BY work_date, created_at`,
      [requireTenantId(), professionalId],
    );
  }

  async erasePerson(): Promise<void> {
    // Accounting records, kept as they are (see above).
  }

  /**
   * The kept record takes the merged one's lines. Where both records have a
   * line for the same work (one person under two records), the one still to
   * pay is cancelled as a duplicate (the merged record's, when both are);
   * two lines both paid stay on their own records: money went out twice,
   * and the treasurer sees both.
   */
  async mergePerson(keptId: string, mergedId: string): Promise<void> {
    const tenantId = requireTenantId();
    const duplicate = (of: string, paidOnly: boolean) =>
      `EXISTS (SELECT 1 FROM payment_lines d WHERE d.tenant_id = l.tenant_id AND d.source = l.source AND d.source_ref = l.source_ref
               AND d.professional_id = ${of} AND d.status ${paidOnly ? "= 'paid'" : "<> 'cancelled'"})`;
    const cancel = `UPDATE payment_lines l SET status = 'cancelled', cancelled_at = now(), cancel_reason = 'Doublon : les deux fiches de cette personne ont été fusionnées.'`;
    await this.db.tenantRows(
      `${cancel} WHERE l.tenant_id = $1 AND l.professional_id = $2 AND l.status = 'to_pay' AND ${duplicate('$3', true)}`,
      [tenantId, keptId, mergedId],
    );
    await this.db.tenantRows(
      `${cancel} WHERE l.tenant_id = $1 AND l.professional_id = $3 AND l.status = 'to_pay' AND ${duplicate('$2', false)}`,
      [tenantId, keptId, mergedId],
    );
    await this.db.tenantRows(
      `UPDATE payment_lines l SET professional_id = $2
       WHERE l.tenant_id = $1 AND l.professional_id = $3 AND (l.status = 'cancelled' OR NOT ${duplicate('$2', false)})`,
      [tenantId, keptId, mergedId],
    );
  }
}

import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { MailOutbox, renderEmail } from '@cpts/platform-mail';

/** Who leads an owner and gets its weekly digest (for a working group: its referents with an address). */
export interface DigestRecipient {
  name: string;
  email: string;
}

/**
 * The weekly digest of an owner's overdue action items: one email per lead
 * listing them all (not one per item), at most once per owner and week
 * (action_item_digests), nothing when none is overdue. The owner's library
 * runs it for its owners (it knows its leads); it runs in the caller's
 * tenant transaction. Returns the number of emails written.
 */
export async function sendActionItemsDigest(
  db: Db,
  outbox: MailOutbox,
  owner: { kind: string; id: string; name: string },
  leads: DigestRecipient[],
): Promise<number> {
  const tenantId = requireTenantId();
  const overdue = await db.tenantRows<{ title: string; assigneeName: string; dueOn: string }>(
    `SELECT title, assignee_name AS "assigneeName", to_char(due_on, 'DD/MM/YYYY') AS "dueOn" FROM action_items
     WHERE tenant_id = $1 AND owner_kind = $2 AND owner_id = $3 AND status = 'open' AND due_on < (now() AT TIME ZONE 'Europe/Paris')::date ORDER BY due_on, title`,
    [tenantId, owner.kind, owner.id],
  );
  if (overdue.length === 0 || leads.length === 0) return 0;
  // The week (its Monday, in France) is the key: a second pass in the same week sends nothing.
  const claimed = await db.tenantRows(
    `INSERT INTO action_item_digests (tenant_id, owner_kind, owner_id, week, recipients, items)
     VALUES ($1, $2, $3, date_trunc('week', now() AT TIME ZONE 'Europe/Paris')::date, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
    [tenantId, owner.kind, owner.id, leads.length, overdue.length],
  );
  if (claimed.length === 0) return 0;
  const email = renderEmail({
    subject: `${owner.name} : ${overdue.length} action${overdue.length > 1 ? 's' : ''} en retard`,
    preheader: `Les actions en retard de ${owner.name}, cette semaine.`,
    title: `Actions en retard : ${owner.name}`,
    paragraphs: [
      `Voici les actions de ${owner.name} dont l'échéance est passée :`,
      ...overdue.map((a) => `• ${a.title} — ${a.assigneeName}, échéance le ${a.dueOn}`),
    ],
    footer: [
      'Vous recevez ce récapitulatif chaque lundi parce que vous êtes référent·e de ce groupe, tant que des actions sont en retard.',
    ],
  });
  await outbox.addMany(leads.map((lead) => ({ kind: 'action_items_digest', to: lead.email, tenantId, email })));
  return leads.length;
}

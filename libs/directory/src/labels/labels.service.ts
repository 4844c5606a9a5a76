import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, requireTenantId } from '@cpts/platform-core';
import { Db, isUniqueViolation } from '@cpts/platform-db';
import { PersonHistoryService } from '../history/person-history.service';
import { PersonDataPart } from '@cpts/platform-persons';
import { DirectoryLabel } from './label.types';

const quoted = (names: string[]) => names.map((n) => `« ${n} »`).join(', ');

/** The labels a CPTS defines, and who carries them. */
@Injectable()
export class LabelsService implements PersonDataPart {
  readonly key = 'labels';

  constructor(
    private readonly db: Db,
    private readonly history: PersonHistoryService,
  ) {}

  list(): Promise<DirectoryLabel[]> {
    return this.db.tenantRows<DirectoryLabel>(
      `SELECT l.id, l.name, count(p.id)::int AS "professionalCount" FROM directory_labels l
       LEFT JOIN professional_labels pl ON pl.tenant_id = l.tenant_id AND pl.label_id = l.id
       LEFT JOIN professionals p ON p.tenant_id = pl.tenant_id AND p.id = pl.professional_id AND p.erased_at IS NULL
       WHERE l.tenant_id = $1 GROUP BY l.id, l.name ORDER BY lower(l.name), l.id`,
      [requireTenantId()],
    );
  }

  async create(name: string): Promise<DirectoryLabel> {
    const id = randomUUID();
    await this.write(`INSERT INTO directory_labels (tenant_id, id, name) VALUES ($1, $2, $3)`, [requireTenantId(), id, name]);
    return this.get(id);
  }

  async rename(id: string, name: string): Promise<DirectoryLabel> {
    const rows = await this.write(`UPDATE directory_labels SET name = $3 WHERE tenant_id = $1 AND id = $2 RETURNING id`, [
      requireTenantId(),
      id,
      name,
    ]);
    if (rows.length === 0) throw AppError.notFound('Étiquette introuvable.');
    return this.get(id);
  }

  /** Takes the label off everyone (each carrier's history says so) and deletes it. */
  async delete(id: string): Promise<boolean> {
    const tenantId = requireTenantId();
    const [label] = await this.db.tenantRows<{ name: string }>(
      `SELECT name FROM directory_labels WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tenantId, id],
    );
    if (!label) throw AppError.notFound('Étiquette introuvable.');
    const carriers = await this.db.tenantRows<{ professionalId: string }>(
      `DELETE FROM professional_labels WHERE tenant_id = $1 AND label_id = $2 RETURNING professional_id AS "professionalId"`,
      [tenantId, id],
    );
    for (const { professionalId } of carriers) {
      await this.history.record(professionalId, 'labels.changed', `Étiquette retirée : « ${label.name} » (étiquette supprimée).`, {
        removed: [label.name],
      });
    }
    await this.db.tenantRows(`DELETE FROM directory_labels WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return true;
  }

  private async get(id: string): Promise<DirectoryLabel> {
    const label = (await this.list()).find((l) => l.id === id);
    if (!label) throw AppError.notFound('Étiquette introuvable.');
    return label;
  }

  /** Two labels with one name would read as one on the public page: refused, whatever the case. */
  private async write(sql: string, params: unknown[]): Promise<unknown[]> {
    try {
      return await this.db.tenantRows(sql, params);
    } catch (err) {
      if (isUniqueViolation(err, 'directory_labels_name_key')) {
        throw AppError.conflict('Une étiquette porte déjà ce nom.', [{ field: 'name', message: 'Nom déjà utilisé.' }]);
      }
      throw err;
    }
  }

  forPerson(professionalId: string): Promise<Array<{ id: string; name: string }>> {
    return this.db.tenantRows(
      `SELECT l.id, l.name FROM professional_labels pl JOIN directory_labels l ON l.tenant_id = pl.tenant_id AND l.id = pl.label_id
       WHERE pl.tenant_id = $1 AND pl.professional_id = $2 ORDER BY lower(l.name), l.id`,
      [requireTenantId(), professionalId],
    );
  }

  /** Sets the person's labels to exactly `labelIds`; the history names what was added and removed. */
  async setForPerson(professionalId: string, labelIds: string[]): Promise<Array<{ id: string; name: string }>> {
    const tenantId = requireTenantId();
    const wanted = [...new Set(labelIds)];
    const [person] = await this.db.tenantRows<{ erased: boolean }>(
      `SELECT erased_at IS NOT NULL AS erased FROM professionals WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tenantId, professionalId],
    );
    if (!person) throw AppError.notFound('Professionnel introuvable.');
    if (person.erased) throw AppError.conflict('Les données de cette personne ont été effacées.');
    const known = await this.db.tenantRows<{ id: string; name: string }>(
      `SELECT id, name FROM directory_labels WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, wanted],
    );
    if (known.length !== wanted.length) throw AppError.field('labelIds', "Une des étiquettes n'existe pas (ou plus).");
    const before = await this.forPerson(professionalId);
    const added = known.filter((l) => !before.some((b) => b.id === l.id));
    const removed = before.filter((b) => !wanted.includes(b.id));
    if (removed.length > 0) {
      await this.db.tenantRows(
        `DELETE FROM professional_labels WHERE tenant_id = $1 AND professional_id = $2 AND label_id = ANY($3::uuid[])`,
        [tenantId, professionalId, removed.map((l) => l.id)],
      );
    }
    if (added.length > 0) {
      await this.db.tenantRows(`INSERT INTO professional_labels (tenant_id, professional_id, label_id) SELECT $1, $2, unnest($3::uuid[])`, [
        tenantId,
        professionalId,
        added.map((l) => l.id),
      ]);
    }
    if (added.length > 0 || removed.length > 0) {
      const parts = [
        added.length ? `ajout ${quoted(added.map((l) => l.name))}` : '',
        removed.length ? `retrait ${quoted(removed.map((l) => l.name))}` : '',
      ].filter(Boolean);
      await this.history.record(professionalId, 'labels.changed', `Étiquettes : ${parts.join(' ; ')}.`, {
        added: added.map((l) => l.name),
        removed: removed.map((l) => l.name),
      });
    }
    return this.forPerson(professionalId);
  }

  exportPerson(professionalId: string): Promise<unknown> {
    return this.forPerson(professionalId).then((labels) => labels.map((l) => l.name));
  }

  /**
   * Labels stay: they name a training or a practice, not the person, and
   * count trained professionals per commune after the erasure; the erased
   * person is out of every list and of the public page anyway.
   */
  async erasePerson(): Promise<void> {
    return;
  }

  async mergePerson(keptId: string, mergedId: string): Promise<void> {
    const tenantId = requireTenantId();
    await this.db.tenantRows(
      `INSERT INTO professional_labels (tenant_id, professional_id, label_id)
       SELECT tenant_id, $2, label_id FROM professional_labels WHERE tenant_id = $1 AND professional_id = $3 ON CONFLICT DO NOTHING`,
      [tenantId, keptId, mergedId],
    );
    await this.db.tenantRows(`DELETE FROM professional_labels WHERE tenant_id = $1 AND professional_id = $2`, [tenantId, mergedId]);
  }
}

import { Injectable } from '@nestjs/common';
import { AppError, requireTenantId, searchKey } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonDirectory, PersonIntake, PersonRef, SelfIdentification } from '@cpts/platform-persons';
import { PersonHistoryService } from './history/person-history.service';
import { isValidRpps } from './identifiers';
import { ProfessionalsService } from './professionals.service';

/**
 * PersonIntake on the directory: the RPPS number decides alone; then the
 * address (one living record); then the same name, profession and commune.
 * A match is never changed by the form (the staff own the record); a new
 * record goes through the directory's own checks and says in its history
 * which form entered it.
 */
@Injectable()
export class DirectoryPersonIntake implements PersonIntake {
  constructor(
    private readonly db: Db,
    private readonly persons: PersonDirectory,
    private readonly professionals: ProfessionalsService,
    private readonly history: PersonHistoryService,
  ) {}

  async findOrCreate(who: SelfIdentification, origin: string): Promise<{ person: PersonRef; created: boolean }> {
    const rpps = who.rpps ? who.rpps.replace(/\s/g, '') : null;
    if (rpps && !isValidRpps(rpps)) throw AppError.field('rpps', 'Numéro RPPS invalide : vérifiez les 11 chiffres.');
    const found = await this.match({ ...who, rpps });
    if (found) return { person: found, created: false };
    const created = await this.professionals.create({
      lastName: who.lastName,
      firstName: who.firstName,
      professionCode: who.professionCode,
      communeCode: who.communeCode,
      rpps,
      email: who.email,
      structureName: null,
      phone: null,
      emailIsWork: true,
    });
    await this.history.record(created.id, 'person.self_registered', `Fiche créée par ${origin} : à vérifier par l'équipe.`, { origin });
    return { person: await this.persons.require(created.id), created: true };
  }

  private async match(who: SelfIdentification): Promise<PersonRef | null> {
    const tenantId = requireTenantId();
    if (who.rpps) {
      const [row] = await this.db.tenantRows<{ id: string }>(
        `SELECT id FROM professionals WHERE tenant_id = $1 AND rpps = $2 AND erased_at IS NULL`,
        [tenantId, who.rpps],
      );
      // A merged or archived record still names the person (resolve follows the merge).
      if (row) return (await this.persons.resolve([row.id])).get(row.id) ?? null;
    }
    const sameName = searchKey(`${who.lastName} ${who.firstName}`);
    if (who.email) {
      const byEmail = await this.persons.withEmail(who.email);
      if (byEmail.length === 1) return byEmail[0];
      // An address shared by several records (a practice's): the one with this name.
      const named = byEmail.filter((p) => searchKey(`${p.lastName} ${p.firstName}`) === sameName);
      if (named.length === 1) return named[0];
    }
    const [row] = await this.db.tenantRows<{ id: string }>(
      `SELECT id FROM professionals WHERE tenant_id = $1 AND search_name = $2 AND profession_code = $3 AND commune_code = $4
         AND merged_into IS NULL AND archived_at IS NULL AND erased_at IS NULL ORDER BY created_at LIMIT 2`,
      [tenantId, sameName, who.professionCode, who.communeCode],
    );
    return row ? ((await this.persons.resolve([row.id])).get(row.id) ?? null) : null;
  }
}

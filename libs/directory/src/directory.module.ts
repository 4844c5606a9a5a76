import { Global, Module } from '@nestjs/common';
import type { DomainLibrary } from '@cpts/platform-domain';
import { DIRECTORY_SQL, PersonDirectory } from '@cpts/platform-persons';
import { IdentityModule } from '@cpts/platform-identity';
import { RemindersModule } from '@cpts/platform-reminders';
import { CsvImportResolver } from './csv-import/csv-import.resolver';
import { CsvImportService } from './csv-import/csv-import.service';
import { CptsDirectoryFields } from './cpts-directory-fields.resolver';
import { DirectoryFiguresService } from './directory-figures.service';
import { DuplicatesResolver } from './duplicates/duplicates.resolver';
import { DuplicatesService } from './duplicates/duplicates.service';
import { MergesPersonData } from './duplicates/merges.person-data';
import { DirectoryExportController } from './export/directory-export.controller';
import { DirectoryImportsController } from './import/directory-imports.controller';
import { DirectoryImportsResolver } from './import/directory-imports.resolver';
import { DirectoryImportWorker } from './import/directory-import.worker';
import { DirectoryImportsService } from './import/directory-imports.service';
import { ImportConflictsService } from './import/import-conflicts.service';
import { PersonHistoryFields } from './history/person-history.resolver';
import { PersonHistoryService } from './history/person-history.service';
import { InvolvementFields } from './involvement/involvement.resolver';
import { InvolvementService } from './involvement/involvement.service';
import { MembershipsResolver, ProfessionalMembershipFields } from './memberships/memberships.resolver';
import { MembershipsService } from './memberships/memberships.service';
import { MembershipInvolvementService } from './memberships/membership-involvement.service';
import { MembershipListingsService } from './memberships/membership-listings.service';
import { MembershipYearsService } from './memberships/membership-years.service';
import { MembershipsPersonData } from './memberships/memberships.person-data';
import { ProfessionalsResolver } from './professionals.resolver';
import { PublicDirectoryFormerAddress } from './public/public-directory-former-address';
import { ProfessionalsService } from './professionals.service';
import { DirectoryPersons, PERSON_CONTRACTS, personContractProviders } from './person-contracts';
import { directoryEntities } from './professional.entity';
import { directoryMigrations } from './migrations';
import { MembershipRenewalReminder } from './memberships/renewal-reminder';
import { directorySql } from './sites/practice-sites-sql';
import { SitesPersonData } from './sites/sites.person-data';
import { SitesResolver } from './sites/sites.resolver';
import { SitesService } from './sites/sites.service';
import { consentProviders, consentResolvers, ConsentsService, GdprExportController, LabelsService, PublicDirectoryController } from './consents/consents.providers';

/**
 * Members and directory: the professionals of each CPTS, in the gateway.
 * Global for its person contracts only (PERSON_CONTRACTS): every other
 * domain injects them, none imports this library.
 */
@Global()
@Module({
  imports: [IdentityModule, RemindersModule],
  controllers: [DirectoryImportsController, DirectoryExportController, GdprExportController, PublicDirectoryController],
  providers: [
    ProfessionalsService,
    ProfessionalsResolver,
    CptsDirectoryFields,
    DirectoryFiguresService,
    DirectoryImportsService,
    DirectoryImportsResolver,
    ImportConflictsService,
    PersonHistoryService,
    PersonHistoryFields,
    MembershipsService,
    MembershipListingsService,
    MembershipYearsService,
    MembershipInvolvementService,
    MembershipsPersonData,
    MembershipsResolver,
    ProfessionalMembershipFields,
    InvolvementService,
    InvolvementFields,
    ...consentProviders,
    DuplicatesService,
    DuplicatesResolver,
    CsvImportService,
    CsvImportResolver,
    MergesPersonData,
    SitesService,
    SitesResolver,
    SitesPersonData,
    PublicDirectoryFormerAddress,
    ...personContractProviders,
  ],
  exports: PERSON_CONTRACTS,
})
export class DirectoryModule {}

export const directoryResolvers = [
  ProfessionalsResolver,
  CptsDirectoryFields,
  DirectoryImportsResolver,
  PersonHistoryFields,
  MembershipsResolver,
  ProfessionalMembershipFields,
  InvolvementFields,
  ...consentResolvers,
  DuplicatesResolver,
  CsvImportResolver,
  SitesResolver,
];

/**
 * The directory in the worker: the national extraction's imports, and for
 * the other domains' jobs its rules as SQL and the people by id
 * (PersonDirectory: a reminder naming the person it is about).
 */
@Global()
@Module({
  providers: [DirectoryImportWorker, { provide: DIRECTORY_SQL, useValue: directorySql }, DirectoryPersons, { provide: PersonDirectory, useExisting: DirectoryPersons }],
  exports: [DIRECTORY_SQL, PersonDirectory],
})
export class DirectoryWorkerModule {}

/** Everything the apps need of the directory (see DomainLibrary). */
export const directoryDomain: DomainLibrary = {
  name: 'directory',
  entities: directoryEntities,
  migrations: directoryMigrations,
  resolvers: directoryResolvers,
  gateway: DirectoryModule,
  // In this order in the export, the erasure and the merge; then the other domains', in the order of their list.
  personData: [PersonHistoryService, MembershipsPersonData, InvolvementService, ConsentsService, LabelsService, MergesPersonData, SitesPersonData],
  worker: DirectoryWorkerModule,
  reminderHandlers: [MembershipRenewalReminder],
  formerPages: [PublicDirectoryFormerAddress],
};

import { DynamicModule, Module, Type } from '@nestjs/common';
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
import { DirectoryImportsService } from './import/directory-imports.service';
import { ImportConflictsService } from './import/import-conflicts.service';
import { PersonHistoryFields } from './history/person-history.resolver';
import { PersonHistoryService } from './history/person-history.service';
import { InvolvementFields } from './involvement/involvement.resolver';
import { InvolvementService } from './involvement/involvement.service';
import { MembershipsResolver, ProfessionalMembershipFields } from './memberships/memberships.resolver';
import { MembershipsService } from './memberships/memberships.service';
import { PERSON_DATA_PARTS, PersonDataPart } from './person-data';
import { ProfessionalsResolver } from './professionals.resolver';
import { ProfessionalsService } from './professionals.service';
import { SitesPersonData } from './sites/sites.person-data';
import { SitesResolver } from './sites/sites.resolver';
import { SitesService } from './sites/sites.service';
import { consentProviders, consentResolvers, ConsentsService, GdprExportController, LabelsService, PublicDirectoryController } from './consents/consents.providers';

/** Members and directory: the professionals of each CPTS. */
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
  ],
  // ConsentsService: the gateway gives it to the mailing module (unsubscribe links, preferences page).
  exports: [ProfessionalsService, PersonHistoryService, MembershipsService, InvolvementService, ConsentsService],
})
export class DirectoryModule {
  /**
   * The directory, with every module's rows about a person for the GDPR
   * export, the erasure and the merge: the directory's own parts, plus the
   * parts of other domain modules (which may not import this library: the
   * app hands their classes in; they implement PersonDataPart and depend on
   * global providers only, such as Db).
   */
  static withPersonData(otherParts: Array<Type<PersonDataPart>>): DynamicModule {
    const own = [PersonHistoryService, MembershipsService, InvolvementService, ConsentsService, LabelsService, MergesPersonData, SitesPersonData];
    return {
      module: DirectoryModule,
      providers: [
        ...otherParts,
        { provide: PERSON_DATA_PARTS, useFactory: (...parts: PersonDataPart[]): PersonDataPart[] => parts, inject: [...own, ...otherParts] },
      ],
    };
  }
}

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

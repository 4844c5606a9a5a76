import { Module } from '@nestjs/common';
import { IdentityModule } from '@cpts/platform-identity';
import { CsvImportResolver } from './csv-import/csv-import.resolver';
import { CsvImportService } from './csv-import/csv-import.service';
import { CptsDirectoryFields, ProfessionalsResolver } from './directory.resolver';
import { DuplicatesResolver } from './duplicates/duplicates.resolver';
import { DuplicatesService } from './duplicates/duplicates.service';
import { MergesPersonData } from './duplicates/merges.person-data';
import { DirectoryExportController } from './export/directory-export.controller';
import { DirectoryImportsController } from './import/directory-imports.controller';
import { DirectoryImportsResolver } from './import/directory-imports.resolver';
import { DirectoryImportsService } from './import/directory-imports.service';
import { PersonHistoryFields } from './history/person-history.resolver';
import { PersonHistoryService } from './history/person-history.service';
import { PERSON_DATA_PARTS, PersonDataPart } from './person-data';
import { ProfessionalsService } from './professionals.service';

/** Members and directory: the professionals of each CPTS. */
@Module({
  imports: [IdentityModule],
  controllers: [DirectoryImportsController, DirectoryExportController],
  providers: [
    ProfessionalsService,
    ProfessionalsResolver,
    CptsDirectoryFields,
    DirectoryImportsService,
    DirectoryImportsResolver,
    PersonHistoryService,
    PersonHistoryFields,
    DuplicatesService,
    DuplicatesResolver,
    CsvImportService,
    CsvImportResolver,
    MergesPersonData,
    {
      // Every module's rows about a person, for the GDPR export, the erasure and the merge.
      provide: PERSON_DATA_PARTS,
      useFactory: (...parts: PersonDataPart[]): PersonDataPart[] => parts,
      inject: [PersonHistoryService, MergesPersonData],
    },
  ],
  exports: [ProfessionalsService, PersonHistoryService],
})
export class DirectoryModule {}

export const directoryResolvers = [ProfessionalsResolver, CptsDirectoryFields, DirectoryImportsResolver, PersonHistoryFields, DuplicatesResolver, CsvImportResolver];

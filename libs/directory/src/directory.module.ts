import { Module } from '@nestjs/common';
import { IdentityModule } from '@cpts/platform-identity';
import { CptsDirectoryFields, ProfessionalsResolver } from './directory.resolver';
import { DirectoryExportController } from './export/directory-export.controller';
import { DirectoryImportsController } from './import/directory-imports.controller';
import { DirectoryImportsResolver } from './import/directory-imports.resolver';
import { DirectoryImportsService } from './import/directory-imports.service';
import { ProfessionalsService } from './professionals.service';

/** Members and directory: the professionals of each CPTS. */
@Module({
  imports: [IdentityModule],
  controllers: [DirectoryImportsController, DirectoryExportController],
  providers: [ProfessionalsService, ProfessionalsResolver, CptsDirectoryFields, DirectoryImportsService, DirectoryImportsResolver],
  exports: [ProfessionalsService],
})
export class DirectoryModule {}

export const directoryResolvers = [ProfessionalsResolver, CptsDirectoryFields, DirectoryImportsResolver];

import { Module } from '@nestjs/common';
import { IdentityModule } from '@cpts/platform-identity';
import { CptsDirectoryFields, ProfessionalsResolver } from './directory.resolver';
import { ProfessionalsService } from './professionals.service';

/** Members and directory: the professionals of each CPTS. */
@Module({
  imports: [IdentityModule],
  providers: [ProfessionalsService, ProfessionalsResolver, CptsDirectoryFields],
  exports: [ProfessionalsService],
})
export class DirectoryModule {}

export const directoryResolvers = [ProfessionalsResolver, CptsDirectoryFields];

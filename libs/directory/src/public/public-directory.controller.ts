import { Controller, Get, Header, Param } from '@nestjs/common';
import { Public } from '@cpts/platform-core';
import { PublicDirectory, PublicDirectoryService } from './public-directory.service';

/** The public directory page's data: no session, one CPTS named in the address. */
@Controller('api/public/cpts')
export class PublicDirectoryController {
  constructor(private readonly service: PublicDirectoryService) {}

  @Get(':tenantId/directory')
  @Public()
  // Never cached anywhere: a withdrawn consent must take the person off at the next request.
  @Header('cache-control', 'no-store')
  directory(@Param('tenantId') tenantId: string): Promise<PublicDirectory> {
    return this.service.directory(tenantId);
  }
}

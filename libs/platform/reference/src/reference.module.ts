import { Global, Module } from '@nestjs/common';
import { ReferenceResolver } from './reference.resolver';
import { ReferenceService } from './reference.service';

@Global()
@Module({ providers: [ReferenceService, ReferenceResolver], exports: [ReferenceService] })
export class ReferenceModule {}

/** For processes without GraphQL (worker, scripts). */
@Module({ providers: [ReferenceService], exports: [ReferenceService] })
export class ReferenceDataModule {}

export const referenceResolvers = [ReferenceResolver];

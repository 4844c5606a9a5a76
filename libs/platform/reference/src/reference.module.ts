import { Global, Module } from '@nestjs/common';
import { ReferenceResolver } from './reference.resolver';
import { ReferenceService } from './reference.service';

@Global()
@Module({ providers: [ReferenceService, ReferenceResolver], exports: [ReferenceService] })
export class ReferenceModule {}

export const referenceResolvers = [ReferenceResolver];

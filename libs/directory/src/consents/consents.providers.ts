import { GdprExportController } from '../gdpr/gdpr-export.controller';
import { GdprResolver } from '../gdpr/gdpr.resolver';
import { GdprService } from '../gdpr/gdpr.service';
import { LabelsResolver } from '../labels/labels.resolver';
import { LabelsService } from '../labels/labels.service';
import { PublicDirectoryController } from '../public/public-directory.controller';
import { PublicDirectoryService } from '../public/public-directory.service';
import { ConsentsResolver } from './consents.resolver';
import { ConsentsService } from './consents.service';

/** Consents, labels, GDPR rights and the public page: listed once, for DirectoryModule and the schema printer. */
export const consentResolvers = [ConsentsResolver, LabelsResolver, GdprResolver];
export const consentProviders = [ConsentsService, LabelsService, GdprService, PublicDirectoryService, ...consentResolvers];
export { ConsentsService, GdprExportController, LabelsService, PublicDirectoryController };

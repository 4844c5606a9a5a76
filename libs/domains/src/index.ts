import { directoryDomain } from '@cpts/directory';
import { governanceDomain } from '@cpts/governance';
import { mailingDomain } from '@cpts/mailing';
import { meetingsDomain } from '@cpts/meetings';
import { paymentsDomain } from '@cpts/payments';
import { callsDomain } from '@cpts/calls';
import { evaluationDomain } from '@cpts/evaluation';
import { regionDomain } from '@cpts/region';
import { resourcesDomain } from '@cpts/resources';
import { surveysDomain } from '@cpts/surveys';
import type { DomainLibrary } from '@cpts/platform-domain';
import { workingGroupsDomain } from '@cpts/working-groups';

/**
 * The domain libraries of the platform: the one list the gateway, the
 * worker and the migrator read. Adding a domain is one line here (and its
 * path alias in tsconfig.base.json): see docs/architecture.md, "Adding a
 * domain library". The order is the order of the person-data parts in a
 * GDPR export, an erasure and a merge: the directory first.
 */
export const DOMAINS: readonly DomainLibrary[] = [directoryDomain, mailingDomain, meetingsDomain, workingGroupsDomain, governanceDomain, paymentsDomain, callsDomain, resourcesDomain, surveysDomain, evaluationDomain, regionDomain];

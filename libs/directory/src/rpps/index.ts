export { parseRppsExtraction } from './parser';
export type { RppsActivity, RppsParseOptions, RppsRejection } from './parser';
export { RppsFormatError } from './rpps-format-error';
export type { RppsFormatErrorCode } from './rpps-format-error';
export { RPPS_COLUMNS } from './columns';
export { siteKeyOf } from './site-key';
export type { SiteIdentity } from './site-key';

export type RppsFormatErrorCode = 'NOT_AN_EXTRACTION' | 'MISSING_COLUMNS' | 'CORRUPT_ZIP' | 'EMPTY_FILE' | 'NOT_UTF8';

/**
 * The file as a whole cannot be imported. The message is French and is shown
 * to the CPTS staff as it is, so it says what to do, not how the parser works.
 */
export class RppsFormatError extends Error {
  constructor(
    readonly code: RppsFormatErrorCode,
    message: string,
    readonly missingColumns: string[] = [],
  ) {
    super(message);
    this.name = 'RppsFormatError';
  }
}

export const CORRUPT_ZIP_MESSAGE = "Le fichier .zip est endommagé ou incomplet : téléchargez à nouveau l'extraction.";

export const corruptZip = (message = CORRUPT_ZIP_MESSAGE) => new RppsFormatError('CORRUPT_ZIP', message);

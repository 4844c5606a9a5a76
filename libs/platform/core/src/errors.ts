/**
 * Machine codes of every error a client may see. The UI switches on the code
 * and shows the French message. Mapped to GraphQL errors in one place
 * (the gateway's error formatter); services throw AppError, never HTTP errors.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  /** The platform is too busy to answer now (the database timed out or ran out of connections): try again. */
  UNAVAILABLE = 'UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

/** A problem with one input field, shown next to that field. */
export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** French, shown as is to the user. */
    message: string,
    readonly fields: FieldError[] = [],
    readonly extra: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badInput(message: string, fields: FieldError[] = []): AppError {
    return new AppError(ErrorCode.BAD_USER_INPUT, message, fields);
  }

  static field(field: string, message: string): AppError {
    return new AppError(ErrorCode.BAD_USER_INPUT, message, [{ field, message }]);
  }

  static unauthenticated(message = 'Veuillez vous connecter.'): AppError {
    return new AppError(ErrorCode.UNAUTHENTICATED, message);
  }

  static forbidden(message = "Vous n'avez pas les droits nécessaires pour cette action."): AppError {
    return new AppError(ErrorCode.FORBIDDEN, message);
  }

  static notFound(message: string): AppError {
    return new AppError(ErrorCode.NOT_FOUND, message);
  }

  static conflict(message: string, fields: FieldError[] = []): AppError {
    return new AppError(ErrorCode.CONFLICT, message, fields);
  }

  /** `reason`: what was done too often, in French (default: "Trop de tentatives."). */
  static rateLimited(retryAfterSeconds: number, reason = 'Trop de tentatives.'): AppError {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    return new AppError(
      ErrorCode.RATE_LIMITED,
      `${reason} Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
      [],
      { retryAfterSeconds },
    );
  }
}

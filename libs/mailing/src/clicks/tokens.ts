/** The gateway's logger, handed to the clicks module (the redirect logs what it could not record). */
export const CLICKS_LOGGER = Symbol('CLICKS_LOGGER');

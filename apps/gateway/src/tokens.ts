/** The gateway's pino logger, for providers that log. */
export const LOGGER = Symbol('LOGGER');

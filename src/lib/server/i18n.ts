// Server code outside a request (mail, jobs, CLI) passes the locale explicitly: `m.key(params, { locale })`.
export { m } from '../paraglide/messages.js';
export { locales, baseLocale, isLocale, type Locale } from '../paraglide/runtime.js';

import { unknownApiPath } from '#lib/server/http/api.ts';

// Any other /api/v1 path, whatever the method or body: a problem+json 404 rather than the HTML error page.
export const fallback = unknownApiPath;

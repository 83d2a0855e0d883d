// The web front end (web/dist, built by scripts/web-build.mjs), served by the API process at /. Hashed assets are
// cached for a year; index.html is revalidated each time and answers every page path (the pages route in the
// browser: web/src/routes.ts). Compressed (gzip or brotli, as the browser accepts): the family reads on a slow phone.
// The API's helmet headers apply unchanged: its CSP (script-src 'self') is met by Vite's build, which has no
// inline script.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import compression from 'compression';
import express, { type RequestHandler, Router } from 'express';

/** Where `vite build` writes the front end. */
export const WEB_DIST = resolve(__dirname, '..', 'web', 'dist');

/** The front end's router, or undefined when it has not been built (the API alone still runs). */
export function webFrontEnd(dist: string = WEB_DIST): Router | undefined {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return undefined;
  const router = Router();
  router.use(compression());
  router.use(
    '/assets',
    express.static(join(dist, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }),
  );
  const page: RequestHandler = (req, res, next) => {
    // Pages for browsers only: an API client (no text/html in Accept) still gets the problem+json 404.
    if (req.path.startsWith('/api/') || req.accepts(['json', 'html']) !== 'html') return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  router.get(/^\/[^.]*$/, page);
  return router;
}

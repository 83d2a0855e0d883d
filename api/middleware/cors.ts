// CORS for the routes declared with `cors` (the codec server), and only for the one configured origin: other origins
// get no CORS headers, and without an origin there is no CORS at all.
import type { RequestHandler } from 'express';

export function corsFor(origin: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!origin) return next();
    res.vary('Origin');
    if (req.get('origin') !== origin) return next();
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    if (req.method !== 'OPTIONS') return next();
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Namespace');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}

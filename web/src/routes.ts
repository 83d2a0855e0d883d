// Every page of the front end: one line each. A page is a directory under src/ whose index.tsx exports a default
// component; it is loaded on first visit, so one audience's page never weighs on another's first load.
import type { ComponentType } from 'preact';

export interface PageRoute {
  path: string;
  load: () => Promise<{ default: ComponentType }>;
}

export const ROUTES: PageRoute[] = [
  { path: '/', load: () => import('./family') },
  { path: '/staff', load: () => import('./staff') },
  { path: '/auditor', load: () => import('./auditor') },
];

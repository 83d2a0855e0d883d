// Picks the page for the path (routes.ts), loads it, and frames it in the shell.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n';
import { ROUTES } from '../routes';
import { usePath } from './router';
import { Shell } from './Shell';

type Loaded = { path: string; Page: ComponentType } | { path: string; failed: true };

export function App() {
  const path = usePath();
  const { t } = useT();
  // A page owns the paths below its own (/staff/claims/…): it is loaded once and routes inside itself.
  const route = ROUTES.find((r) => r.path === path || (r.path !== '/' && path.startsWith(`${r.path}/`)));
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  useEffect(() => {
    if (!route) return;
    let current = true;
    route.load().then(
      (m) => current && setLoaded({ path: route.path, Page: m.default }),
      () => current && setLoaded({ path: route.path, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [route?.path]);
  let body;
  if (!route) body = <p>{t('shell.notFound')}</p>;
  else if (loaded?.path !== route.path) body = <p aria-live="polite">{t('shell.loading')}</p>;
  else if ('failed' in loaded) body = <p role="alert">{t('shell.loadFailed')}</p>;
  else body = <loaded.Page />;
  return <Shell>{body}</Shell>;
}

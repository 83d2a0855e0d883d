// Focus after an in-page navigation: to the new view's heading, so a screen reader announces it.
import { useEffect, useRef } from 'preact/hooks';

/** Moves focus to the new view's heading after an in-page navigation (not on first load: the skip link stays first). */
export function useFocusHeadingOnChange(key: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [key]);
}

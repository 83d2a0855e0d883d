// A link inside the single-page app: a real <a href> (keyboard, middle-click, copy link) that navigates in place.
import type { ComponentChildren } from 'preact';
import { navigate } from '../shell/router';

type Props = { href: string; children: ComponentChildren; class?: string; 'aria-current'?: 'page' };

export function Link({ href, children, ...rest }: Props) {
  return (
    <a
      href={href}
      {...rest}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

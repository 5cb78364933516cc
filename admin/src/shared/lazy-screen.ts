import { type ComponentType, lazy } from 'react';

/**
 * A list/show/edit screen loaded the first time it is opened, so the first visit (the login form) does
 * not download and parse every screen and the list/form components only they use. react-admin's Layout
 * shows its loading indicator (a Suspense boundary) while the chunk arrives.
 */
export function lazyScreen<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
}

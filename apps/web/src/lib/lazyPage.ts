import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// Any props, as React's own lazy() takes them: each page keeps its own props type through M[K].
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Page = ComponentType<any>;

/**
 * A page loaded when its route is first shown, in a chunk of its own (Vite
 * splits at each dynamic import), from its module's named export: someone
 * opening a public page downloads neither the staff app's pages nor their
 * libraries. Render it inside a <Suspense>.
 */
export function lazyPage<M extends { [P in K]: Page }, K extends string>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}

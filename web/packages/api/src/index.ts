export * from './client';
export * from './http';
export * from './problem';
export * from './drafts';
export * from './module-context';
export type { paths, components } from './schema';
export * from './offline-queue';
export * from './create';
export * from './upload';

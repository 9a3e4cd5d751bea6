export * from './components';
export * from './format';
export * from './bands';
export * from './hooks';

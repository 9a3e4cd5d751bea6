export * from './components';
export * from './format';
export * from './numbers';
export * from './bands';
export * from './hooks';
export * from './submit';
export * from './ModuleScreen';
export * from './HomeCardProblem';

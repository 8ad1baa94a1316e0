export * from './context';
export * from './validate';
export * from './render';
export * from './plan';
export * from './writes';
export * from './load';

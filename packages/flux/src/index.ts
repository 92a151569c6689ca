export * from './duration.js';
export * from './model/fields.js';
export * from './model/kustomization.js';
export * from './model/gitrepository.js';
export * from './envsubst/index.js';
export * from './kstatus/index.js';

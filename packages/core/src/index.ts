export * from './json.js';
export * from './errors.js';

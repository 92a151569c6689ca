export { FlagError, Flags, parseFlags, type FlagKind, type FlagSpec, type FlagValue, type ParsedFlags } from './parse.js';
export { formatFlagUsages, formatHelp, type CommandHelp } from './usage.js';

/**
 * @kustomize-ts/flags: command-line flags parsed as spf13/pflag parses them, with its messages and cobra's help layout.
 *
 * @module @kustomize-ts/flags
 */
export { FlagError, Flags, parseFlags, type FlagKind, type FlagSpec, type FlagValue, type ParsedFlags } from './parse.js';
export { formatFlagUsages, formatHelp, type CommandHelp } from './usage.js';

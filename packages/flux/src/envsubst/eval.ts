import { KustomizeError } from '@kustomize-ts/core';
import { fromBytes, toBytes } from './bytes.js';
import { lookupFunction } from './funcs.js';
import { parseEnvsubstBytes, type EnvsubstNode } from './parse.js';

/**
 * Looks up a variable: its value and whether it exists. Non-strict callers say every name exists
 * (an unset one being `''`); strict callers say which do not.
 */
export type VariableLookup = (name: string) => { readonly value: string; readonly exists: boolean };

/** A variable a strict lookup does not know, used bare or with an operator that reads it. */
export class VariableNotSetError extends KustomizeError {
  override readonly name = 'VariableNotSetError';
  /** The variable's name. */
  readonly variable: string;

  constructor(variable: string) {
    super('transform-failed', `variable not set (strict mode): ${JSON.stringify(variable)}`);
    this.variable = variable;
  }
}

/** The operators that supply their own value when the variable is unset, so strict mode lets them pass. */
const defaultOperators: ReadonlySet<string> = new Set(['-', '+', '=', '?', ':-', ':+', ':=', ':?']);

function evaluate(node: EnvsubstNode, lookup: VariableLookup): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'list':
      return node.nodes.map((child) => evaluate(child, lookup)).join('');
    case 'func': {
      const args = node.args.map((arg) => evaluate(arg, lookup));
      const { value, exists } = lookup(fromBytes(node.param));
      if (!exists && !defaultOperators.has(node.name)) throw new VariableNotSetError(fromBytes(node.param));
      return lookupFunction(node.name, args.length)(toBytes(value), ...args);
    }
  }
}

/**
 * Expands a template as Flux's `envsubst.Eval`: `${var}` and the bash-style operators, `$$` escapes,
 * `$var` without braces left as text.
 *
 * @throws EnvsubstSyntaxError when the template is malformed; {@link VariableNotSetError} when a strict
 * lookup lacks a variable used without a default operator.
 */
export function evalEnvsubst(template: string, lookup: VariableLookup): string {
  return fromBytes(evaluate(parseEnvsubstBytes(toBytes(template)), lookup));
}

/** A lookup over a record of variables: strict lookups report unset names, non-strict ones give `''`. */
export function lookupIn(variables: Readonly<Record<string, string>>, strict: boolean): VariableLookup {
  return (name) => {
    const exists = Object.prototype.hasOwnProperty.call(variables, name);
    return { value: exists ? variables[name]! : '', exists: exists || !strict };
  };
}

import { KustomizeError } from '@kustomize-ts/core';
import { decodeRune, fromBytes, toBytes } from './bytes.js';

/**
 * The parse tree of an envsubst template, shaped as Flux's `envsubst/parse` builds it: text, a function
 * (`${param}`, `${param:=default}`, …) whose arguments are trees themselves, and lists. A list holds the
 * first node and the rest of the template, so lists nest to the right.
 */
export type EnvsubstNode =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'func'; readonly param: string; readonly name: string; readonly args: readonly EnvsubstNode[] }
  | { readonly type: 'list'; readonly nodes: readonly EnvsubstNode[] };

/** A template Flux's envsubst cannot parse. The message is Flux's own (`bad substitution`, …). */
export class EnvsubstSyntaxError extends KustomizeError {
  override readonly name = 'EnvsubstSyntaxError';

  constructor(message: string) {
    super('transform-failed', message);
  }
}

const messages = {
  badSubstitution: 'bad substitution',
  missingClosingBrace: 'missing closing brace',
  variableName: 'unable to parse variable name',
  funcSubstitution: 'unable to parse substitution within function',
  defaultFunction: 'unable to parse default function',
} as const;

const eof = 0;
const enum Token {
  Illegal,
  Eof,
  Ident,
  Lbrack,
  Rbrack,
}
const modeIdent = 1;
const modeLbrack = 2;
const modeRbrack = 4;
const modeEscape = 8;
const escapeDollar = 1;
const escapeBackslash = 2;

type Accept = (rune: number, index: number) => boolean;

const code = (char: string) => char.charCodeAt(0);
/** The ASCII character of a rune, or nothing: operators are all ASCII. */
const ascii = (rune: number) => (rune > 0 && rune < 0x80 ? String.fromCharCode(rune) : '');
const identRune = /^[\p{L}\p{Nd}_]$/u;
const acceptRune: Accept = () => true;
const acceptIdent: Accept = (r) => identRune.test(String.fromCodePoint(r));
const acceptColon: Accept = (r) => r === code(':');
const acceptOneHash: Accept = (r, i) => r === code('#') && i === 1;
const acceptNotClosing: Accept = (r) => r !== code('}');
const acceptHashFunc: Accept = (r, i) => r === code('#') && i < 3;
const acceptPercentFunc: Accept = (r, i) => r === code('%') && i < 3;
const acceptDefaultFunc: Accept = (r, i) => (i === 1 && r === code(':')) || (i === 2 && ascii(r) !== '' && '=-?+'.includes(ascii(r)));
const acceptReplaceFunc: Accept = (r, i) => (i === 1 && r === code('/')) || (i === 2 && ascii(r) !== '' && '/#%'.includes(ascii(r)));
const acceptOneEqual: Accept = (r, i) => i === 1 && r === code('=');
const acceptOneColon: Accept = (r, i) => i === 1 && r === code(':');
const rejectColonClose: Accept = (r) => r !== code(':') && r !== code('}');
const acceptSlash: Accept = (r) => r === code('/');
const acceptNotSlash: Accept = (r) => r !== code('/');
const acceptCasingFunc: Accept = (r, i) => (r === code(',') || r === code('^')) && i < 3;

/**
 * The scanner of Flux's envsubst, over a byte string. It keeps that scanner's quirks on purpose, because
 * they decide what a template means: an escape (`$$`, and inside functions `\/` and `\\`) deletes its
 * first character from the buffer and consumes the second unexamined; a rune 0 reads as the end of input.
 */
class Scanner {
  private buf: string;
  private pos = 0;
  private start = 0;
  private width = 0;
  mode = 0;
  escapeChars = 0;
  accept: Accept = acceptRune;

  constructor(buf: string) {
    this.buf = buf;
  }

  read(): number {
    if (this.pos >= this.buf.length) {
      this.width = 0;
      return eof;
    }
    const { rune, width } = decodeRune(this.buf, this.pos);
    this.width = width;
    this.pos += width;
    return rune;
  }

  unread(): void {
    this.pos -= this.width;
  }

  private skip(): void {
    this.buf = this.buf.slice(0, this.pos - 1) + this.buf.slice(this.pos);
  }

  peek(): number {
    const rune = this.read();
    this.unread();
    return rune;
  }

  text(): string {
    return this.buf.slice(this.start, this.pos);
  }

  scan(): Token {
    this.start = this.pos;
    const rune = this.read();
    if (rune === eof) return Token.Eof;
    if (this.scanLbrack(rune)) return Token.Lbrack;
    if (this.scanRbrack(rune)) return Token.Rbrack;
    if (this.scanIdent(rune)) return Token.Ident;
    return Token.Illegal;
  }

  private scanIdent(first: number): boolean {
    if ((this.mode & modeIdent) === 0) return false;
    if (this.scanEscaped(first)) this.skip();
    else if (!this.accept(first, this.pos - this.start)) return false;
    for (;;) {
      const rune = this.read();
      if (rune === eof) {
        this.unread();
        break;
      }
      if (this.scanLbrack(rune)) {
        this.unread();
        this.unread();
        break;
      }
      if (this.scanEscaped(rune)) {
        this.skip();
        continue;
      }
      if (!this.accept(rune, this.pos - this.start)) {
        this.unread();
        break;
      }
    }
    return true;
  }

  private scanLbrack(rune: number): boolean {
    if ((this.mode & modeLbrack) === 0) return false;
    if (rune === code('$')) {
      if (this.read() === code('{')) return true;
      this.unread();
    }
    return false;
  }

  private scanRbrack(rune: number): boolean {
    return (this.mode & modeRbrack) !== 0 && rune === code('}');
  }

  private scanEscaped(rune: number): boolean {
    if ((this.mode & modeEscape) === 0) return false;
    if (rune === code('$') && (this.escapeChars & escapeDollar) !== 0 && this.peek() === code('$')) return true;
    if (rune === code('\\') && (this.escapeChars & escapeBackslash) !== 0) {
      const next = this.peek();
      return next === code('/') || next === code('\\');
    }
    return false;
  }
}

/** Node builders; the text they hold is still in bytes until {@link parseEnvsubst} decodes the tree. */
type Node = EnvsubstNode;
const textNode = (value: string): Node => ({ type: 'text', value });
const emptyNode = textNode('');

class Parser {
  private readonly scanner: Scanner;

  constructor(bytes: string) {
    this.scanner = new Scanner(bytes);
  }

  parseAny(): Node {
    const s = this.scanner;
    s.accept = acceptRune;
    s.mode = modeIdent | modeLbrack | modeEscape;
    s.escapeChars = escapeDollar;
    let left: Node;
    switch (s.scan()) {
      case Token.Ident:
        left = textNode(s.text());
        break;
      case Token.Eof:
        return emptyNode;
      case Token.Lbrack:
        left = this.parseFunc();
        break;
      default:
        throw new EnvsubstSyntaxError(messages.badSubstitution);
    }
    const right = this.parseAny();
    return right === emptyNode ? left : { type: 'list', nodes: [left, right] };
  }

  private parseFunc(): Node {
    const s = this.scanner;
    s.escapeChars = escapeDollar | escapeBackslash;
    if (s.peek() === code('#')) return this.parseLenFunc();
    s.accept = acceptIdent;
    s.mode = modeIdent;
    if (s.scan() !== Token.Ident) throw new EnvsubstSyntaxError(messages.variableName);
    const name = s.text();
    switch (ascii(s.peek())) {
      case ':':
        return this.parseDefaultOrSubstr(name);
      case '=':
        return this.parseDefaultFunc(name);
      case ',':
      case '^':
        return this.parseCasingFunc(name);
      case '/':
        return this.parseReplaceFunc(name);
      case '#':
        return this.parseRemoveFunc(name, acceptHashFunc);
      case '%':
        return this.parseRemoveFunc(name, acceptPercentFunc);
    }
    s.accept = acceptIdent;
    s.mode = modeRbrack;
    if (s.scan() !== Token.Rbrack) throw new EnvsubstSyntaxError(messages.missingClosingBrace);
    return { type: 'func', param: name, name: '', args: [] };
  }

  private parseParam(accept: Accept, mode: number): Node {
    const s = this.scanner;
    s.accept = accept;
    s.mode = mode | modeLbrack;
    switch (s.scan()) {
      case Token.Lbrack:
        return this.parseFunc();
      case Token.Ident:
      case Token.Rbrack:
        return textNode(s.text());
      default:
        throw new EnvsubstSyntaxError(messages.funcSubstitution);
    }
  }

  /** Scans the operator of a function with `accept`, or fails with `message`. */
  private operator(accept: Accept, message: string): string {
    const s = this.scanner;
    s.accept = accept;
    s.mode = modeIdent;
    if (s.scan() !== Token.Ident) throw new EnvsubstSyntaxError(message);
    return s.text();
  }

  private parseDefaultOrSubstr(name: string): Node {
    const s = this.scanner;
    s.read();
    const next = s.peek();
    s.unread();
    return ascii(next) !== '' && '=-?+'.includes(ascii(next)) ? this.parseDefaultFunc(name) : this.parseSubstrFunc(name);
  }

  private parseSubstrFunc(param: string): Node {
    const s = this.scanner;
    const name = this.operator(acceptOneColon, messages.badSubstitution);
    const args: Node[] = [this.parseParam(rejectColonClose, modeIdent)];
    s.accept = acceptColon;
    s.mode = modeIdent | modeRbrack;
    const delimiter = s.scan();
    if (delimiter === Token.Rbrack) return { type: 'func', param, name, args };
    if (delimiter !== Token.Ident) throw new EnvsubstSyntaxError(messages.badSubstitution);
    args.push(this.parseParam(acceptNotClosing, modeIdent));
    this.consumeRbrack();
    return { type: 'func', param, name, args };
  }

  private parseRemoveFunc(param: string, accept: Accept): Node {
    const name = this.operator(accept, messages.badSubstitution);
    const args = [this.parseParam(acceptNotClosing, modeIdent)];
    this.consumeRbrack();
    return { type: 'func', param, name, args };
  }

  private parseReplaceFunc(param: string): Node {
    const s = this.scanner;
    const name = this.operator(acceptReplaceFunc, messages.badSubstitution);
    const args = [this.parseParam(acceptNotSlash, modeIdent | modeEscape)];
    this.operator(acceptSlash, messages.badSubstitution);
    if (s.peek() !== code('}')) args.push(this.parseParam(acceptNotClosing, modeIdent | modeEscape));
    this.consumeRbrack();
    return { type: 'func', param, name, args };
  }

  private parseDefaultFunc(param: string): Node {
    const s = this.scanner;
    const name = this.operator(s.peek() === code('=') ? acceptOneEqual : acceptDefaultFunc, messages.defaultFunction);
    const args: Node[] = [];
    while (s.peek() !== code('}')) args.push(this.parseParam(acceptNotClosing, modeIdent));
    this.consumeRbrack();
    return { type: 'func', param, name, args };
  }

  private parseCasingFunc(param: string): Node {
    const name = this.operator(acceptCasingFunc, messages.badSubstitution);
    this.consumeRbrack();
    return { type: 'func', param, name, args: [] };
  }

  private parseLenFunc(): Node {
    const name = this.operator(acceptOneHash, messages.badSubstitution);
    const param = this.operator(acceptIdent, messages.badSubstitution);
    this.consumeRbrack();
    return { type: 'func', param, name, args: [] };
  }

  private consumeRbrack(): void {
    this.scanner.mode = modeRbrack;
    if (this.scanner.scan() !== Token.Rbrack) throw new EnvsubstSyntaxError(messages.badSubstitution);
  }
}

function decodeTree(node: Node): Node {
  switch (node.type) {
    case 'text':
      return textNode(fromBytes(node.value));
    case 'func':
      return { type: 'func', param: fromBytes(node.param), name: node.name, args: node.args.map(decodeTree) };
    case 'list':
      return { type: 'list', nodes: node.nodes.map(decodeTree) };
  }
}

/** Parses a template into the tree whose text is still a byte string, for the evaluator. */
export function parseEnvsubstBytes(bytes: string): EnvsubstNode {
  return new Parser(bytes).parseAny();
}

/**
 * Parses a template exactly as Flux's `envsubst/parse` does. `$var` without braces is plain text, `$$`
 * escapes a `$`, and an empty template is an empty text node.
 *
 * @throws {@link EnvsubstSyntaxError} with Flux's message when the template is malformed.
 */
export function parseEnvsubst(template: string): EnvsubstNode {
  return decodeTree(parseEnvsubstBytes(toBytes(template)));
}

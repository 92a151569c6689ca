import { describe, expect, it } from 'vitest';
import { goFormatWithoutArguments } from './gofmt.js';

// Go's fmt with no arguments: fmt.Sprintf("a%db") is "a%!d(MISSING)b", "100%" is "100%!(NOVERB)", "%%" is "%".
describe('goFormatWithoutArguments', () => {
  it('leaves text without a verb alone and reads %% as %', () => {
    expect(goFormatWithoutArguments('data.a[name=b]')).toBe('data.a[name=b]');
    expect(goFormatWithoutArguments('50%% off')).toBe('50% off');
  });

  it('marks each verb, with its flags, width and precision, as missing its argument', () => {
    expect(goFormatWithoutArguments('a%db')).toBe('a%!d(MISSING)b');
    expect(goFormatWithoutArguments('%-5.2f|%x')).toBe('%!f(MISSING)|%!x(MISSING)');
    expect(goFormatWithoutArguments('%*d')).toBe('%!(BADWIDTH)%!d(MISSING)');
    expect(goFormatWithoutArguments('%[2]s')).toBe('%!s(BADINDEX)');
  });

  it('says a % at the end has no verb', () => {
    expect(goFormatWithoutArguments('100%')).toBe('100%!(NOVERB)');
  });
});

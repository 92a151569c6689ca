import { describe, expect, it } from 'vitest';
import { durationFlag, Flags, parseFlags } from './flags.js';

describe('durationFlag', () => {
  it('reads Go durations, with Go\'s message for a bad one', () => {
    expect(new Flags(parseFlags(['--interval=1m30s'], [durationFlag('interval')])).value('interval', 0n)).toBe(90_000_000_000n);
    expect(() => parseFlags(['--interval=soon'], [durationFlag('interval')])).toThrow('invalid argument "soon" for "--interval" flag: time: invalid duration "soon"');
  });
});

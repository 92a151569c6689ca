import { describe, expect, it } from 'vitest';
import { formatGoFloat32G, formatGoFloatG, formatGoYamlNumber, parseGoDecimalFloat, parseGoInteger } from './go-number.js';

describe('parseGoInteger (strconv.ParseInt base 0, then ParseUint)', () => {
  it('reads Go prefixes and a leading zero as octal', () => {
    expect(parseGoInteger('0x1F')).toBe(31n);
    expect(parseGoInteger('0X1f')).toBe(31n);
    expect(parseGoInteger('0o17')).toBe(15n);
    expect(parseGoInteger('0b101')).toBe(5n);
    expect(parseGoInteger('010')).toBe(8n);
    expect(parseGoInteger('0')).toBe(0n);
    expect(parseGoInteger('-0x10')).toBe(-16n);
    expect(parseGoInteger('+7')).toBe(7n);
  });

  it('refuses bad digits, bare prefixes and doubled signs', () => {
    for (const text of ['08', '0x', '0b2', '+-1', '', '1.0', '1e3', '١']) expect(parseGoInteger(text), text).toBeUndefined();
  });

  it('accepts up to uint64 without a sign and int64 with one', () => {
    expect(parseGoInteger('18446744073709551615')).toBe(18446744073709551615n);
    expect(parseGoInteger('18446744073709551616')).toBeUndefined();
    expect(parseGoInteger('-9223372036854775808')).toBe(-9223372036854775808n);
    expect(parseGoInteger('-9223372036854775809')).toBeUndefined();
    expect(parseGoInteger('+18446744073709551615')).toBeUndefined();
  });

  it('reads a given base with a sign, as go-yaml\'s 0b/0o fallbacks do', () => {
    expect(parseGoInteger('-1', 2)).toBe(-1n);
    expect(parseGoInteger('17', 8)).toBe(15n);
  });
});

describe('parseGoDecimalFloat', () => {
  it('reads decimal floats with underscores between digits', () => {
    expect(parseGoDecimalFloat('.5_5')).toBe(0.55);
    expect(parseGoDecimalFloat('1_0.5')).toBe(10.5);
    expect(parseGoDecimalFloat('1.')).toBe(1);
    expect(parseGoDecimalFloat('1e-400')).toBe(0);
  });

  it('refuses overflow, misplaced underscores and missing digits', () => {
    for (const text of ['1e400', '._5', '5_', '1e_5', '.', '.e5', 'inf', '0x1p3']) expect(parseGoDecimalFloat(text), text).toBeUndefined();
  });
});

describe('number printing', () => {
  it('writes shortest %g, switching to exponents below 1e-4 and from 1e6 (expectations from kubectl kustomize)', () => {
    expect(formatGoFloatG(1234567.5)).toBe('1.2345675e+06');
    expect(formatGoFloatG(100000.5)).toBe('100000.5');
    expect(formatGoFloatG(0.0001)).toBe('0.0001');
    expect(formatGoFloatG(0.00001)).toBe('1e-05');
    expect(formatGoFloatG(-2.5e-10)).toBe('-2.5e-10');
    expect(formatGoFloatG(1e20)).toBe('1e+20');
    expect(formatGoFloatG(5e-324)).toBe('5e-324');
  });

  it('prints integers in full up to the uint64 range, beyond it as floats', () => {
    expect(formatGoYamlNumber(123456789012)).toBe('123456789012');
    expect(formatGoYamlNumber(-0)).toBe('0');
    expect(formatGoYamlNumber(2 ** 63)).toBe('9223372036854776000');
    expect(formatGoYamlNumber(2 ** 64)).toBe('1.8446744073709552e+19');
    expect(formatGoYamlNumber(1e21)).toBe('1e+21');
    expect(formatGoYamlNumber(1.5)).toBe('1.5');
  });

  it('writes float32 keys as sigs.k8s.io/yaml does (kubectl printed "3.1415927")', () => {
    expect(formatGoFloat32G(3.14159265358979)).toBe('3.1415927');
    expect(formatGoFloat32G(1.5)).toBe('1.5');
    expect(formatGoFloat32G(0.1)).toBe('0.1');
  });
});

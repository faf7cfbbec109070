import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('HOST', () => {
  it('is 127.0.0.1 while demo data is on (the demo prints its password), 0.0.0.0 without it, and HOST always wins', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ TAIHANG_DEMO: 'on' }).host).toBe('127.0.0.1');
    expect(loadConfig({ TAIHANG_DEMO: 'off' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ TAIHANG_DEMO: 'off', HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
  });
});

import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('the deployment settings', () => {
  it('reads what is set, leaves what is unset or empty to its default', () => {
    expect(
      loadConfig({
        DATABASE_URL: 'postgres://baocao@db.internal:5432/baocao',
        PORT: '8080',
        HOST: '0.0.0.0',
        BAOCAO_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
        BAOCAO_FOUR_EYES: 'off',
        LOG_LEVEL: 'warn',
        BAOCAO_DATA: '',
      }),
    ).toEqual({
      DATABASE_URL: 'postgres://baocao@db.internal:5432/baocao',
      PORT: 8080,
      HOST: '0.0.0.0',
      BAOCAO_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
      BAOCAO_FOUR_EYES: 'off',
      LOG_LEVEL: 'warn',
    });
    expect(loadConfig({})).toEqual({});
  });

  it('refuses a bad value, naming every wrong variable and why', () => {
    const bad = () =>
      loadConfig({ PORT: '80a', DATABASE_URL: 'mysql://x/y', LOG_LEVEL: 'verbose', BAOCAO_FOUR_EYES: 'no' });
    expect(bad).toThrowError(expect.objectContaining({ code: 'INVALID_CONFIG' }));
    try {
      bad();
    } catch (e) {
      const m = e instanceof Error ? e.message : '';
      for (const name of [
        'PORT="80a"',
        'DATABASE_URL="mysql://x/y"',
        'LOG_LEVEL="verbose"',
        'BAOCAO_FOUR_EYES="no"',
      ])
        expect(m).toContain(name);
    }
    expect(() => loadConfig({ BAOCAO_API_TOKEN: 'short' })).toThrowError(/BAOCAO_API_TOKEN/);
    expect(() => loadConfig({ BAOCAO_TRUST_PROXY: 'yes please' })).toThrowError(/BAOCAO_TRUST_PROXY/);
    expect(() => loadConfig({ PORT: '70000' })).toThrowError(/PORT/);
  });

  it('wants both TLS files, and files that are there', () => {
    expect(() => loadConfig({ TLS_CERT_FILE: '/etc/hostname' })).toThrowError(
      /TLS_KEY_FILE="": cần cùng TLS_CERT_FILE/,
    );
    expect(() => loadConfig({ TLS_CERT_FILE: '/etc/hostname', TLS_KEY_FILE: '/khong/co.pem' })).toThrowError(
      /TLS_KEY_FILE="\/khong\/co.pem": không có tệp này/,
    );
    expect(loadConfig({ TLS_CERT_FILE: '/etc/hostname', TLS_KEY_FILE: '/etc/hostname' })).toMatchObject({
      TLS_CERT_FILE: '/etc/hostname',
    });
  });
});

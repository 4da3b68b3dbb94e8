import { expect } from 'chai';
import { DEFAULT_SERVER_SETTINGS, loadSettings, SettingsError } from '../../config/index.ts';

describe('server: settings', () => {
  it('has documented defaults', () => {
    expect(loadSettings({}).server).to.deep.equal({ ...DEFAULT_SERVER_SETTINGS, apiKeyMasterKey: undefined, demoPassword: undefined });
    expect(DEFAULT_SERVER_SETTINGS).to.include({ port: 3000, host: '127.0.0.1', sessionIdleMinutes: 30, loginMaxFailures: 5, cookieSecure: 'auto' });
  });

  it('reads the variables', () => {
    const server = loadSettings({
      SERVER_PORT: '8081', SERVER_HOST: '0.0.0.0', TRUST_PROXY: 'loopback, 10.0.0.0/8', COOKIE_SECURE: 'true', COOKIE_SAMESITE: 'lax',
      SESSION_IDLE_MINUTES: '20', LOGIN_MAX_FAILURES: '3', API_KEY_MASTER_KEY: 'ab'.repeat(32), DEMO_SEED: 'false', DEMO_PASSWORD: 'Long-enough-1',
    }).server;
    expect(server).to.include({ port: 8081, host: '0.0.0.0', trustProxy: 'loopback,10.0.0.0/8', cookieSecure: true, cookieSameSite: 'lax', sessionIdleMinutes: 20, loginMaxFailures: 3, demoSeed: false, demoPassword: 'Long-enough-1' });
    expect(server.apiKeyMasterKey).to.deep.equal(Buffer.alloc(32, 0xab));
    expect(loadSettings({ TRUST_PROXY: '2' }).server.trustProxy).to.equal(2);
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadSettings({ SERVER_PORT: 'http', COOKIE_SECURE: 'maybe', SESSION_IDLE_MINUTES: '0', API_KEY_MASTER_KEY: 'short', DEMO_PASSWORD: 'abc', TRUST_PROXY: 'everyone', LOG_LEVEL: 'loud' });
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(SettingsError);
    const message = (error as Error).message;
    for (const name of ['SERVER_PORT', 'COOKIE_SECURE', 'SESSION_IDLE_MINUTES', 'API_KEY_MASTER_KEY', 'DEMO_PASSWORD', 'TRUST_PROXY', 'LOG_LEVEL']) {
      expect(message).to.include(name);
    }
  });
});

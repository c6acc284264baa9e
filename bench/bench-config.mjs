// The server settings every bench and proof script runs with: no Secure cookies (plain HTTP on
// localhost) and rate limits high enough that the load under test is never throttled.
export function benchServerConfig() {
  return {
    secureCookies: 'never',
    trustProxy: false,
    loginRateLimit: 1000,
    costlyRateLimit: 1_000_000,
    maxAttachmentBytes: 20 * 1024 * 1024,
    now: () => new Date(),
  };
}

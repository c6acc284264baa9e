// A signed-in API client for the proofs: the session cookie and CSRF header as the web pages
// send them, kept across server restarts (sessions live in the database).
import { CSRF_HEADER, SESSION_COOKIE } from '../../dist/server/plugins/access.js';

export class ApiClient {
  constructor(username, password) {
    this.username = username;
    this.password = password;
    this.address = '';
    this.cookie = '';
    this.csrf = '';
  }

  async login() {
    const response = await fetch(`${this.address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: this.username, password: this.password }),
    });
    if (response.status !== 200) throw new Error(`login ${this.username}: ${response.status} ${await response.text()}`);
    const session = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    this.cookie = session.split(';')[0];
    this.csrf = (await response.json()).csrfToken;
  }

  /** Sends a request; signs in first, or again when the session has ended. Rejects when the server is gone. */
  async request(method, url, body, contentType = 'application/json') {
    if (!this.cookie) await this.login();
    for (let attempt = 0; ; attempt++) {
      const headers = { cookie: this.cookie };
      if (method !== 'GET') headers[CSRF_HEADER] = this.csrf;
      if (body !== undefined) headers['content-type'] = contentType;
      const payload = body === undefined || contentType !== 'application/json' ? body : JSON.stringify(body);
      const response = await fetch(`${this.address}${url}`, { method, headers, body: payload });
      if (response.status === 401 && attempt === 0) {
        await this.login();
        continue;
      }
      return response;
    }
  }

  /** Uploads one file as multipart/form-data (field `file`). */
  upload(url, fileName, data) {
    const boundary = `----govinfo-proof-${Math.random().toString(36).slice(2)}`;
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: application/octet-stream\r\n\r\n`
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.request('POST', url, body, `multipart/form-data; boundary=${boundary}`);
  }
}

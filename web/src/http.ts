/**
 * The one HTTP client of the web pages. It sends the session cookie (same origin) and, on every
 * state-changing request, the CSRF token; every failure goes through one error handler, which the
 * app installs to show the server's Chinese message (or to send the user to the login page).
 */

export interface FieldProblem {
  field: string;
  label: string;
  message: string;
}

/** A refusal from the server, with its Chinese message and, for invalid input, the fields. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly body: Record<string, unknown> = {}
  ) {
    super(message);
  }
}

export interface RequestOptions {
  /** The caller shows the error itself (e.g. a form marking its fields); the handler stays quiet. */
  quiet?: boolean;
  /** Aborts the request when a page is left. */
  signal?: AbortSignal;
}

type ErrorHandler = (error: ApiError) => void;

let csrfToken: string | null = null;
let handleError: ErrorHandler = (error) => console.warn(error.message);

/** Aborted at sign-out: a request still under way would otherwise be refused (401) once the session ends. */
let pending = new AbortController();

/**
 * While signing out, only the sign-out itself is sent: a page that mounts meanwhile (its code was
 * still loading when the person clicked 退出登录) would otherwise reach the server after the
 * session ended there and be refused with 401.
 */
let signingOut = false;
export const SIGN_OUT_URL = '/api/auth/logout';

/** Abandons every request under way and holds back new ones until `endSignOut`. */
export function beginSignOut(): void {
  signingOut = true;
  pending.abort();
  pending = new AbortController();
}

export function endSignOut(): void {
  signingOut = false;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setErrorHandler(handler: ErrorHandler): void {
  handleError = handler;
}

/** Query string from an object, leaving out empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Sends a request and answers the response when it is 2xx; every failure becomes an ApiError (or an abort). */
async function send(method: string, url: string, body: unknown, options: RequestOptions, accept: string) {
  const headers: Record<string, string> = { accept };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  if (signingOut && url !== SIGN_OUT_URL) throw new DOMException('signing out', 'AbortError');
  let response: Response;
  try {
    const signal = options.signal ? AbortSignal.any([options.signal, pending.signal]) : pending.signal;
    response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin', signal });
  } catch (cause) {
    if ((cause as Error).name === 'AbortError') throw cause;
    const error = new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
    if (!options.quiet) handleError(error);
    throw error;
  }
  if (response.ok) return response;

  const type = response.headers.get('content-type') ?? '';
  const data = type.includes('application/json') ? ((await response.json()) as unknown) : undefined;
  const problem = (data ?? {}) as { error?: string; message?: string; fields?: FieldProblem[] };
  const error = new ApiError(
    response.status,
    problem.error ?? 'http',
    problem.message ?? `请求失败（${response.status}）`,
    problem.fields ?? [],
    problem
  );
  // An expired session always goes to the handler: the page cannot go on without signing in again.
  if (!options.quiet || (response.status === 401 && csrfToken !== null)) handleError(error);
  throw error;
}

async function request<T>(method: string, url: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, url, body, options, 'application/json');
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('application/json') ? await response.json() : undefined) as T;
}

/** A file the server answers (导出Excel): its bytes; refusals are ApiErrors like any other request's. */
async function download(url: string, options: RequestOptions = {}): Promise<Blob> {
  const response = await send('GET', url, undefined, options, '*/*');
  return response.blob();
}

/** The name the server gives a file (Content-Disposition filename*), when it gives one. */
function servedFileName(response: Response): string | undefined {
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  return encoded ? decodeURIComponent(encoded) : undefined;
}

/** A document the server makes (Word, PDF): its bytes and the name the server gives it. */
async function downloadFile(url: string, options: RequestOptions = {}): Promise<{ blob: Blob; name?: string }> {
  const response = await send('GET', url, undefined, options, '*/*');
  return { blob: await response.blob(), name: servedFileName(response) };
}

export const http = {
  get: <T>(url: string, options?: RequestOptions) => request<T>('GET', url, undefined, options),
  post: <T>(url: string, body?: unknown, options?: RequestOptions) => request<T>('POST', url, body ?? {}, options),
  put: <T>(url: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', url, body ?? {}, options),
  patch: <T>(url: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', url, body ?? {}, options),
  delete: <T>(url: string, options?: RequestOptions) => request<T>('DELETE', url, undefined, options),
  download,
  downloadFile,
};

/** Answers a generated file as a download with its Chinese file name. */
import type { FastifyReply } from 'fastify';
import { MEDIA_TYPES, type DocumentFormat } from '../../shared/api/documents.js';

/** `filename` without extension, e.g. 2011年第1季度工作通讯; the format's extension is added. */
export function sendDocument(reply: FastifyReply, format: DocumentFormat, filename: string, bytes: Buffer) {
  const name = `${filename}.${format}`;
  return reply
    .header('content-type', MEDIA_TYPES[format])
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('cache-control', 'no-store')
    .send(bytes);
}
